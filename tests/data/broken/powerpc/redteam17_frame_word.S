/* BROKEN: spllower whose "nothing to replay" shortcut tests a word of
   the caller's frame above its 8-byte reserve (8(r1): the caller's own
   locals, never an argument of a one-argument call) instead of
   ipending & ~ncpl: whenever the caller's word there is 0 nothing is
   replayed.  Truth: defined_only should fail (red team 17 F2 on a
   register-argument port: the caller's frame is no input). */
	.include "port.inc"
	.text
	.globl	rt_lower_frameword
rt_lower_frameword:
	lwz	r4, 8(r1)		/* BUG: the caller's frame */
	cmpwi	r4, 0
	lis	r9, cpl@ha
	lwz	r6, cpl@l(r9)
	stw	r3, cpl@l(r9)
	sync
	beq	1f
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r6, 8(r1)
	bl	do_pending_int
	lwz	r6, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	mr	r3, r6
	blr
