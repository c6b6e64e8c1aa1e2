/* A user's own powerpc replay path, replacing the port's weak
   do_pending_int (test data, written for iplemu), that takes the lowest
   pending bit the entry cpl (pcpl) leaves unblocked, whatever it is: the
   soft bits 28-30 before the clock's 31, so softclock's handler runs
   while the clock's request waits in ipending (NetBSD macppc extintr.c
   1.10.2.7 do_pending_int runs every pending hardware source first):
   handler_priority fails.  do_pending_int.S takes the hardware bits first. */
	.include "port.inc"
	.data
user_busy:	.long	0
	.text
	.globl	do_pending_int
do_pending_int:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	lis	r9, user_busy@ha
	lwz	r0, user_busy@l(r9)
	cmpwi	r0, 0
	bne	9f
	li	r0, 1
	stw	r0, user_busy@l(r9)
	mfmsr	r30			/* the MSR at entry */
	rlwinm	r29, r30, 0, 17, 15	/* the same with EE off */
	mtmsr	r29
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)		/* pcpl */
1:	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r6, r5, r31		/* pending, not blocked */
	beq	8f
	neg	r4, r6
	and	r4, r6, r4		/* the lowest such bit */
	andc	r5, r5, r4
	stw	r5, ipending@l(r9)	/* claimed */
	cntlzw	r3, r4
	subfic	r3, r3, 31		/* its number */
	mr	r4, r30
	bl	Xreplay
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)		/* back to pcpl */
	b	1b
8:	lis	r9, user_busy@ha
	li	r0, 0
	stw	r0, user_busy@l(r9)
	mtmsr	r30
9:	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr
