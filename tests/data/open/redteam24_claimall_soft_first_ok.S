/* CORRECT TWIN of ppc_claimall_soft_first.S: the batch's hardware
   sources first, then the soft ones.
   powerpc do_pending_int that claims every pending source pcpl leaves
   unblocked at once (one store: ipending keeps only the blocked bits),
   EE off, and then runs that batch from a register, the SOFT sources
   first (BUG), then the hardware ones, then looks at ipending again.
   With the clock and softclock both pending, softclock's handler runs
   at IPL_SOFTCLOCK, which does not block the clock, while the clock's
   request, claimed with it, waits behind it.  NetBSD macppc extintr.c
   1.10.2.7 do_pending_int runs every pending hardware source (its
   HWIRQ_MASK loop) before any soft one.  The rest as
   kernel_snippets/powerpc/spl.S (the processing guard too). */
	.include "port.inc"
	.equ	SOFT_BITS, (1 << SRC_SOFTCLOCK_BIT) | (1 << SRC_SOFTNET_BIT) | (1 << SRC_SOFTSERIAL_BIT)
	.data
processing2:	.long	0
	.text
	.globl	do_pending_int
do_pending_int:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r28, 16(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	lis	r9, processing2@ha
	lwz	r0, processing2@l(r9)
	cmpwi	r0, 0
	bne	4f
	li	r0, 1
	stw	r0, processing2@l(r9)
	mfmsr	r30
	rlwinm	r29, r30, 0, 17, 15
	mtmsr	r29
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)		/* pcpl */
1:	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r28, r5, r31		/* the batch */
	beq	3f
	and	r5, r5, r31		/* claim the whole batch */
	stw	r5, ipending@l(r9)
6:	cmpwi	r28, 0
	beq	1b
	lis	r6, SOFT_BITS@h
	ori	r6, r6, SOFT_BITS@l
	andc.	r3, r28, r6		/* the hardware ones first */
	bne	2f
	mr	r3, r28
2:	cntlzw	r3, r3
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
	andc	r28, r28, r4
	mr	r4, r30
	bl	Xreplay
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	b	6b
3:	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	lis	r9, processing2@ha
	li	r0, 0
	stw	r0, processing2@l(r9)
	mtmsr	r30
4:	lwz	r28, 16(r1)
	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr
