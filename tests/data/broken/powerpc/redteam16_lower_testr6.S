/* BROKEN (decided before running): spllower whose replay branch (reached
   only with something pending and unblocked) skips do_pending_int when r6
   is 0: r6 is an argument register spllower(int) is not passed, undefined
   at the call (SVR4 PowerPC ABI: r3-r10 volatile).  Meant r5 (ipending &
   ~ncpl, just computed).  Should fail defined_only (no_lost where r6=0). */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	sync
	eieio
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	cmpwi	r6, 0			/* BUG: meant r5 */
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
1:	sync
	eieio
	mr	r3, r4
	blr
