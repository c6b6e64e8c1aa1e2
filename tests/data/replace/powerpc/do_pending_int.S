/* A user's own powerpc replay path, replacing the port's weak
   do_pending_int (test data, written for iplemu).  With EE off it takes
   the lowest pending hardware bit the entry cpl (pcpl) leaves unblocked
   (the port's takes the highest), or when there is none the highest such
   soft bit (NetBSD macppc extintr.c 1.10.2.7 runs every pending hardware
   source before a soft one, and SIR_SERIAL, SIR_NET, SIR_CLOCK in that
   order: bits 30, 29, 28), clears it, replays it through Xreplay
   (r3 = the bit, r4 = the MSR the handler runs with), sets cpl back to
   pcpl and looks again; a nested call returns at once (its own flag). */
	.include "port.inc"
	.equ	SOFT_MASK, (1 << SRC_SOFTCLOCK_BIT) | (1 << SRC_SOFTNET_BIT) | (1 << SRC_SOFTSERIAL_BIT)
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
	lis	r7, SOFT_MASK@h
	ori	r7, r7, SOFT_MASK@l
	andc.	r8, r6, r7		/* the hardware ones among them */
	beq	2f
	neg	r4, r8			/* hardware first: */
	and	r4, r8, r4		/* the lowest such bit */
	b	3f
2:	cntlzw	r3, r6			/* else the highest soft bit */
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
3:	andc	r5, r5, r4
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
