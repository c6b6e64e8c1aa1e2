/* BROKEN (expected: defined_only, or no_lost from a caller whose cr2 EQ
   is set).  spllower(ncpl) whose "nothing to replay" branch tests cr2
   instead of cr0 (a typo: `beq cr2, 1f' after `andc.').  cr2 is the
   caller's non-volatile field, no input of the routine: a caller whose
   cr2 EQ bit is set skips the replay and loses every pending source the
   new cpl unblocks; one with it clear always calls do_pending_int (which
   finds nothing to do when nothing is pending: harmless).
   --routine rt_lower_cr2=lower */
	.include "port.inc"
	.text
	.globl	rt_lower_cr2
rt_lower_cr2:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	cr2, 1f			/* BUG: cr2, the caller's */
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
