/* BROKEN (layout-dependent): spllower that reaches ipending as cpl+4 (one
   base register for both), which holds only while the link puts ipending
   right after cpl, as kernel_snippets/powerpc/spl.S happens to. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lwz	r5, cpl+4@l(r9)		/* BUG: assumes &ipending == &cpl + 1 */
	andc.	r5, r5, r3
	beq	1f
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r4, 8(r1)
	bl	do_pending_int
	lwz	r4, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	mr	r3, r4
	blr
