/* Red team 12 (held): the model lost the lwarx reservation at every
   interrupt (unicorn's rfi drops it; its stwcx. compares the value), so
   a stwcx. after an interrupt always failed.  The architecture keeps it:
   only a stwcx. of this processor, or a store by another processor or
   mechanism to the granule, clears it (MPC603e User's Manual ch. 2, p. 2-39: "A
   reservation held by the processor is cleared by ... executing an
   stwcx. instruction to any address; attempt by some other device to
   modify a location in the reservation granularity"; PPC405 manual,
   lwarx: a store "other than stwcx." in the asynchronous process leaves
   it, "and the code example would have overwritten the semaphore").
   NetBSD's interrupt path pends with a plain lwz/or/stw and no stwcx.:
   a stwcx. after it succeeds and writes the pended bit over.

   From /work/redteam12b/powerpc/p1.S and p2.S, plus two correct retry
   loops on cpl (EE off; EE on, where the stub gives cpl back as it was). */
	.include "port.inc"
	.equ	PSL_EE, 0x8000
	.equ	SOFT_MASK, (1 << SRC_SOFTCLOCK_BIT) | (1 << SRC_SOFTNET_BIT) | (1 << SRC_SOFTSERIAL_BIT)
	.text

/* BROKEN (served_once, depth 2): claims the replayed bit with lwarx/stwcx.
   with EE on.  Power ISA Book II 1.7.3.1: interrupts are not guaranteed to
   clear a reservation; the port's stub pends with a plain lwz/or/stw and no
   stwcx., so a bit the stub pends between lwarx and stwcx. is overwritten. */
	.globl	spllower_lwarx
spllower_lwarx:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	mr	r31, r3
	lis	r9, cpl@ha
	lwz	r30, cpl@l(r9)
	stw	r31, cpl@l(r9)
	mfmsr	r29
1:	lis	r9, ipending@ha
	addi	r9, r9, ipending@l
2:	lwarx	r5, 0, r9
	andc.	r3, r5, r31
	beq	3f
	cntlzw	r3, r3
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
	andc	r5, r5, r4
	stwcx.	r5, 0, r9
	bne-	2b
	mr	r4, r29
	bl	Xreplay
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	b	1b
3:	mr	r3, r30
	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr

/* CORRECT twin: EE off from lwarx to stwcx.; it serves every pending
   hardware request before a soft one (check's several-pended start: the
   highest bit first alone ran softserial, bit 30, while adb waited). */
	.globl	spllower_lwarx_ok
spllower_lwarx_ok:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r28, 16(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	mr	r31, r3
	lis	r9, cpl@ha
	lwz	r30, cpl@l(r9)
	stw	r31, cpl@l(r9)
	mfmsr	r29
	rlwinm	r28, r29, 0, 17, 15
1:	lis	r9, ipending@ha
	addi	r9, r9, ipending@l
	mtmsr	r28
2:	lwarx	r5, 0, r9
	andc.	r3, r5, r31
	beq	3f
	lis	r6, SOFT_MASK@h
	ori	r6, r6, SOFT_MASK@l
	andc.	r6, r3, r6		/* the hardware ones first (then the soft */
	beq	4f			/* ones, the highest bit first: SIR_SERIAL, */
	mr	r3, r6			/* SIR_NET, SIR_CLOCK, as macppc's) */
4:	cntlzw	r3, r3
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
	andc	r5, r5, r4
	stwcx.	r5, 0, r9
	bne-	2b
	mr	r4, r29			/* EE still off: Xreplay raises cpl, then */
	bl	Xreplay			/* sets this MSR (an mtmsr r29 here would let a
					   lower source in ahead of the claimed one:
					   red team 20's replay inversion) */
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	b	1b
3:	mtmsr	r29
	mr	r3, r30
	lwz	r28, 16(r1)
	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr

/* BROKEN (served_once, depth 1): clears a bit of ipending that no source
   owns (bit 0, "invalid virq") with lwarx/stwcx. and EE on.  A source the
   stub pends between the two is written over when the reservation
   survives the interrupt (Power ISA Book II 1.7.3.1: interrupts are not
   guaranteed to clear reservations; the stub does no stwcx.). */
	.globl	splraise_resv_clear
splraise_resv_clear:
	lis	r9, ipending@ha
	addi	r9, r9, ipending@l
1:	lwarx	r5, 0, r9
	rlwinm	r5, r5, 0, 0, 30
	stwcx.	r5, 0, r9
	bne-	1b
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mr	r3, r4
	blr

/* CORRECT: a retry loop on cpl with EE off around it */
	.globl	splraise_lwarx_ok
splraise_lwarx_ok:
	mfmsr	r10
	rlwinm	r11, r10, 0, 17, 15	/* MSR with EE clear */
	mtmsr	r11
	lis	r9, cpl@ha
	addi	r9, r9, cpl@l
1:	lwarx	r4, 0, r9
	or	r5, r4, r3
	stwcx.	r5, 0, r9
	bne-	1b
	mtmsr	r10
	mr	r3, r4
	blr

/* CORRECT: the same with EE on: an interrupt in between gives cpl back
   as it found it, so the stwcx. that follows stores the right value
   whether the reservation survived it (stores) or not (retries) */
	.globl	splraise_lwarx_ee_ok
splraise_lwarx_ee_ok:
	lis	r9, cpl@ha
	addi	r9, r9, cpl@l
1:	lwarx	r4, 0, r9
	or	r5, r4, r3
	stwcx.	r5, 0, r9
	bne-	1b
	mr	r3, r4
	blr

/* BROKEN (defined_only): the same without the retry: where an interrupt
   between lwarx and stwcx. clears the reservation (an implementation may:
   Power ISA Book II §1.7.3.1), the stwcx. stores nothing and cpl is not
   raised */
	.globl	splraise_lwarx_noretry
splraise_lwarx_noretry:
	lis	r9, cpl@ha
	addi	r9, r9, cpl@l
	lwarx	r4, 0, r9
	or	r5, r4, r3
	stwcx.	r5, 0, r9
	mr	r3, r4
	blr
