/* CORRECT TWIN of redteam24_soft_batch.S: after each soft handler of the batch it
   looks for unblocked hardware first and gives the rest of the batch back.
   powerpc do_pending_int that, when no unblocked hardware source is
   pending, claims EVERY unblocked pending soft source at once (one store
   to ipending) and then runs them, highest first, without looking at
   ipending again between them: a hardware request pended while the first
   soft handler ran waits behind the second soft handler.  NetBSD macppc
   extintr.c 1.10.2.7 do_pending_int takes one soft source and goes back
   ("goto again") to the hardware loop after each.  Everything else as
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
	andc.	r3, r5, r31
	beq	3f
	lis	r6, SOFT_BITS@h
	ori	r6, r6, SOFT_BITS@l
	andc.	r0, r3, r6		/* hardware ones */
	beq	5f
	cntlzw	r3, r0
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
	andc	r5, r5, r4
	stw	r5, ipending@l(r9)
	mr	r4, r30
	bl	Xreplay
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	b	1b
5:	mr	r28, r3			/* the soft batch */
	andc	r5, r5, r28		/* claim them all at once */
	stw	r5, ipending@l(r9)
6:	cmpwi	r28, 0
	beq	1b
	cntlzw	r3, r28
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
	andc	r28, r28, r4
	mr	r4, r30
	bl	Xreplay
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	b	7f
7:	lis	r9, ipending@ha	/* any unblocked hardware pended meanwhile? */
	lwz	r5, ipending@l(r9)
	andc	r3, r5, r31
	lis	r6, SOFT_BITS@h
	ori	r6, r6, SOFT_BITS@l
	andc.	r0, r3, r6
	beq	6b		/* none: next of the batch */
	or	r5, r5, r28	/* give the rest of the batch back, hardware first */
	stw	r5, ipending@l(r9)
	li	r28, 0
	b	1b
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
