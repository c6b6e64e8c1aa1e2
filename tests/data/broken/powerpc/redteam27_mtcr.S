/* BROKEN (expected: preserves).  spllower(ncpl) that moves the pending
   set into the whole CR (mtcr r5 = mtcrf 0xff, r5: "one CR bit per
   source", a common bit-test trick) and then branches on it.  mtcr
   writes all eight fields, the non-volatile cr2-cr4 (SVR4 PowerPC ABI)
   too, with bits 12..23 of the mask: whatever the caller kept there is
   lost (zeroed: no source has a bit in 12..23).
   --routine rt_lower_mtcr=lower */
	.include "port.inc"
	.text
	.globl	rt_lower_mtcr
rt_lower_mtcr:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc	r5, r5, r3
	mtcr	r5			/* BUG: writes cr2-cr4 too */
	cmpwi	r5, 0
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
