/* Red team 17 F6, BROKEN (needs a request pending at the call and two
   interrupts after it): do_pending_int turns EE back on before it clears
   its "already running" flag.  An interrupt taken in that window whose
   handler lets a lower source be pended finds the flag still set when
   its tail calls splx -> do_pending_int, returns at once, and the outer
   call then clears the flag and returns: the pended source is lost
   although the final cpl does not block it.  spllower only calls
   do_pending_int when something is pending, so the window is open only
   from a call made with a request pending. */
	.include "port.inc"
	.data
proc_busy:	.long	0
	.text
	.globl	do_pending_int
do_pending_int:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	lis	r9, proc_busy@ha
	lwz	r0, proc_busy@l(r9)
	cmpwi	r0, 0
	bne	4f
	li	r0, 1
	stw	r0, proc_busy@l(r9)
	mfmsr	r30			/* emsr */
	rlwinm	r29, r30, 0, 17, 15	/* dmsr = emsr & ~PSL_EE */
	mtmsr	r29
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)		/* pcpl */
1:	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r3, r5, r31
	beq	3f
	cntlzw	r3, r3
	subfic	r3, r3, 31		/* the highest pending unblocked bit */
	li	r4, 1
	slw	r4, r4, r3
	andc	r5, r5, r4		/* claim it */
	stw	r5, ipending@l(r9)
	mr	r4, r30			/* the MSR its handler runs with */
	bl	Xreplay
	mtmsr	r29			/* EE off again */
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)		/* cpl = pcpl */
	b	1b
3:	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	mtmsr	r30			/* BUG: EE on before the flag is cleared */
	lis	r9, proc_busy@ha
	li	r0, 0
	stw	r0, proc_busy@l(r9)
4:	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr
