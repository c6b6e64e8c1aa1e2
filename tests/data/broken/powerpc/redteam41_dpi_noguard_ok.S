/* CORRECT (red team 41): twin of redteam41_dpi_no_redisable.S, EE off again
   after each replay; the highest soft bit first, as shipped (without the
   processing guard). */
	.include "port.inc"
	.equ	SOFT_BITS, (1 << SRC_SOFTCLOCK_BIT) | (1 << SRC_SOFTNET_BIT) | (1 << SRC_SOFTSERIAL_BIT)
	.data
processing:	.long	0
	.text
	.weak	do_pending_int
do_pending_int:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	mfmsr	r30			/* emsr */
	rlwinm	r29, r30, 0, 17, 15	/* dmsr = emsr & ~PSL_EE */
	mtmsr	r29
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)		/* pcpl */
1:	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r3, r5, r31		/* pending and unblocked */
	beq	3f
	lis	r6, SOFT_BITS@h
	ori	r6, r6, SOFT_BITS@l
	andc.	r0, r3, r6		/* the hardware ones among them */
	beq	2f
	mr	r3, r0			/* hardware first */
2:	cntlzw	r3, r3
	subfic	r3, r3, 31		/* the highest of them */
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
	mtmsr	r30			/* EE as at entry */
4:	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr

