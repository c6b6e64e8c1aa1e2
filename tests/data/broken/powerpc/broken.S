/* Deliberately broken powerpc spl routines and stubs (test data).  Each
   one must be caught by the test or check named beside it
   (tests/test_port_powerpc.py, tests/test_check.py, tests/test_engine.py). */
	.include "port.inc"

	.equ	PSL_EE, 0x8000
	.equ	PSL_KERNEL, 0x32	/* IR | DR | RI: INTRENTER before any C code (abi.entry_state) */
	.text

/* splraise that lowers: stores the new mask instead of OR-ing it in. */
	.globl	splraise_lowers
splraise_lowers:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	mr	r3, r4
	blr

/* spllower that only stores cpl: pending interrupts are lost (left waiting). */
	.globl	spllower_loses
spllower_loses:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	mr	r3, r4
	blr

/* splx that restores one bit too few (drops softnet's bit 29). */
	.globl	splx_wrong
splx_wrong:
	rlwinm	r3, r3, 0, 3, 1		/* clear IBM bit 2 = 1 << 29 */
	b	spllower

/* The typical powerpc mistake: EE left off.  This spllower turns MSR[EE]
   off to update cpl and ipending "atomically" and forgets to turn it back
   on: every interrupt after it waits for somebody else's mtmsr. */
	.globl	spllower_ee_off
spllower_ee_off:
	mfmsr	r6
	rlwinm	r7, r6, 0, 17, 15	/* EE off */
	mtmsr	r7
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
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
1:	mr	r3, r4			/* WRONG: no mtmsr r6 */
	blr

/* A clock stub that returns with cpl cleared: it does not restore the
   interrupted priority (it skips the frame's pcpl and calls splx(0)). */
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	stwu	r1, -96(r1)
	stw	r0, 8(r1)
	mfsrr0	r0
	stw	r0, 68(r1)
	mfsrr1	r0
	stw	r0, 72(r1)
	mflr	r0
	stw	r0, 52(r1)
	mfctr	r0
	stw	r0, 56(r1)
	mfcr	r0
	stw	r0, 60(r1)
	mfxer	r0
	stw	r0, 64(r1)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
	stw	r\n, 12 + 4 * (\n - 3)(r1)
	.endr
	lis	r9, cpl@ha
	lwz	r3, cpl@l(r9)
	lis	r4, SRC_CLOCK_SPL@h
	ori	r4, r4, SRC_CLOCK_SPL@l
	or	r4, r3, r4
	stw	r4, cpl@l(r9)
	mfmsr	r5
	ori	r5, r5, PSL_EE | PSL_KERNEL
	mtmsr	r5
	bl	handler_clock
	mfmsr	r5
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
	li	r3, 0			/* WRONG: the interrupted cpl is lost */
	stw	r3, 76(r1)
	b	Xintr_tail

/* Stubs that turn MSR[EE] back on before saving SRR0 and SRR1: right for
   one interrupt, wrong when a second one arrives in that gap (its entry
   overwrites SRR0/SRR1, so the first one's rfi goes back into its own
   stub).  Only `iplemu check --depth 2` reaches that. */
	.macro EARLYSTUB name, bit, spl
	.globl	Xintr_\name\()_ee_early
Xintr_\name\()_ee_early:
	stwu	r1, -96(r1)
	stw	r0, 8(r1)
	mfmsr	r0
	ori	r0, r0, PSL_EE | PSL_KERNEL	/* WRONG: SRR0/SRR1 are not saved yet */
	mtmsr	r0
	mfsrr0	r0
	stw	r0, 68(r1)
	mfsrr1	r0
	stw	r0, 72(r1)
	mflr	r0
	stw	r0, 52(r1)
	mfctr	r0
	stw	r0, 56(r1)
	mfcr	r0
	stw	r0, 60(r1)
	mfxer	r0
	stw	r0, 64(r1)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
	stw	r\n, 12 + 4 * (\n - 3)(r1)
	.endr
	mfmsr	r5			/* EE off for the cpl test, as the real stub runs */
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
	lis	r9, cpl@ha
	lwz	r3, cpl@l(r9)
	stw	r3, 76(r1)
	lis	r4, (1 << \bit)@h
	ori	r4, r4, (1 << \bit)@l
	and.	r5, r3, r4
	beq	1f
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	or	r5, r5, r4
	stw	r5, ipending@l(r9)
	b	Xintr_exit
1:	lis	r4, \spl@h
	ori	r4, r4, \spl@l
	or	r4, r3, r4
	stw	r4, cpl@l(r9)
	mfmsr	r5
	ori	r5, r5, PSL_EE | PSL_KERNEL
	mtmsr	r5
	bl	handler_\name
	mfmsr	r5
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
	lwz	r3, 76(r1)
	lis	r9, cpl@ha
	stw	r3, cpl@l(r9)
	b	Xintr_tail
	.endm
	EARLYSTUB softnet, SRC_SOFTNET_BIT, SRC_SOFTNET_SPL
	EARLYSTUB clock, SRC_CLOCK_BIT, SRC_CLOCK_SPL
