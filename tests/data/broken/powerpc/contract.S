/* powerpc routines and stubs that break one clause of the spl contract
   each (issue 9; archs/README.md "The contract").  The property each must
   fail is named beside it; tests/test_contract.py checks that it does. */
	.include "port.inc"

	.equ	PSL_EE, 0x8000
	.text

/* returns_previous: returns the new cpl instead of the old one. */
	.globl	splraise_returns_new
splraise_returns_new:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r3, r4, r3
	stw	r3, cpl@l(r9)
	blr

/* preserves: keeps the old cpl in r31, a nonvolatile register (SVR4
   PowerPC ABI), without saving it. */
	.globl	splraise_clobbers_r31
splraise_clobbers_r31:
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)
	or	r4, r31, r3
	stw	r4, cpl@l(r9)
	mr	r3, r31
	blr

/* handler_priority: replays pending sources by calling their handlers
   itself, at the new cpl, so the replayed handler runs unprotected from
   its own source. */
	.macro CALL_HANDLER name, bit, level, spl, vector
	cmpwi	r3, \bit
	bne	9f
	bl	handler_\name
	b	8b
9:
	.endm
	.globl	spllower_replays_low
spllower_replays_low:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r4, 8(r1)		/* the old cpl */
	stw	r3, cpl@l(r9)
8:	mfmsr	r6			/* claim with EE off */
	rlwinm	r7, r6, 0, 17, 15
	mtmsr	r7
	lis	r9, cpl@ha
	lwz	r5, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r4, ipending@l(r9)
	andc.	r3, r4, r5
	beq	7f
	cntlzw	r3, r3
	subfic	r3, r3, 31
	li	r5, 1
	slw	r5, r5, r3
	andc	r4, r4, r5
	stw	r4, ipending@l(r9)
	mtmsr	r6
	IPLEMU_SOURCES CALL_HANDLER
	trap
7:	mtmsr	r6
	lwz	r3, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* served_once: a clock stub that drops the request when cpl blocks it
   instead of pending it (bit 31: andis. tests the high half). */
	.macro RESTORE_DROPS		/* the interrupted CR, r4, r3, r1 */
	lwz	r4, 4(r1)
	mtcr	r4
	lwz	r4, 12(r1)
	lwz	r3, 8(r1)
	addi	r1, r1, 16
	.endm
	.globl	Xintr_clock_drops
Xintr_clock_drops:
	stwu	r1, -16(r1)
	stw	r3, 8(r1)
	stw	r4, 12(r1)
	mfcr	r4
	stw	r4, 4(r1)
	lis	r3, cpl@ha
	lwz	r3, cpl@l(r3)
	andis.	r3, r3, (1 << SRC_CLOCK_BIT)@h
	bne	1f
	RESTORE_DROPS
	b	Xintr_clock		/* not blocked: the real stub */
1:	RESTORE_DROPS
	rfi				/* WRONG: blocked, and not pended */

/* no_fault: takes its argument for a pointer to the new cpl (splx(&s)
   where splx(s) was meant): reads an unmapped address. */
	.globl	splx_derefs
splx_derefs:
	lwz	r3, 0(r3)
	b	spllower

/* defined_only: tests ipending against r6, which the call leaves
   undefined, instead of the argument: the replay depends on garbage. */
	.globl	spllower_stale_r6
spllower_stale_r6:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r4, 8(r1)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r6		/* WRONG: r6, not the argument r3 */
	beq	1f
	bl	do_pending_int
1:	lwz	r3, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* defined_only: skips the replay when CR0[EQ] is set, and nothing here
   set CR0 (andc without the dot; CR0 is volatile at a call). */
	.globl	spllower_stale_cr0
spllower_stale_cr0:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r4, 8(r1)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc	r5, r5, r3		/* WRONG: no dot, CR0 is stale */
	beq	1f
	bl	do_pending_int
1:	lwz	r3, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* defined_only: adds XER[CA] into the pending mask, and nothing here set
   CA (adde reads it; XER is volatile at a call: abi.scratch). */
	.globl	spllower_stale_ca
spllower_stale_ca:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r4, 8(r1)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc	r5, r5, r3
	li	r6, 0
	adde	r5, r5, r6		/* WRONG: CA was never set */
	cmpwi	r5, 0
	beq	1f
	bl	do_pending_int
1:	lwz	r3, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* defined_only, only when the clock runs in the middle: reads count_clock
   twice and, when it changed, branches on CR7, which nothing set.  The
   compare of the argument before writes CR0 only: CR7 is a field of its
   own (abi.scratch), still undefined, and the case that delivers the clock
   between the two reads ends otherwise when it is flipped. */
	.globl	spllower_cr7_after_clock
spllower_cr7_after_clock:
	cmpwi	r3, 0			/* writes CR0, not CR7 */
	lis	r9, count_clock@ha
	lwz	r6, count_clock@l(r9)
	lwz	r5, count_clock@l(r9)
	cmpw	r5, r6
	beq	2f			/* no clock in between */
	blt	cr7, 1f			/* WRONG: CR7 never set */
2:	b	spllower
1:	lis	r9, cpl@ha		/* "already there": the old cpl */
	lwz	r3, cpl@l(r9)
	blr

/* defined_only, only when the clock runs in the middle: crclr writes
   CR7's EQ bit and nothing else (a CR-logical instruction alters its
   target bit only), so CR7's LT, which the branch reads after a clock
   interrupt, is still the caller's undefined bit. */
	.globl	spllower_lt_after_crclr
spllower_lt_after_crclr:
	crclr	4*cr7+eq		/* writes CR7[EQ] only */
	lis	r9, count_clock@ha
	lwz	r6, count_clock@l(r9)
	lwz	r5, count_clock@l(r9)
	cmpw	r5, r6
	beq	2f			/* no clock in between */
	blt	cr7, 1f			/* WRONG: CR7[LT] never set */
2:	b	spllower
1:	lis	r9, cpl@ha		/* "already there": the old cpl */
	lwz	r3, cpl@l(r9)
	blr

/* interrupt_transparent: a clock stub that loads cpl's address into r11
   before it has saved anything: the interrupted code gets r11 back changed. */
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	lis	r11, cpl@ha
	b	Xintr_clock

/* interrupt_transparent: a clock stub that steps its stack pointer down
   and back up with addic, which writes XER[CA], before it has saved XER:
   r1 comes back, but CA is 0 whatever the interrupted code had. */
	.globl	Xintr_clock_clobbers_ca
Xintr_clock_clobbers_ca:
	addic	r1, r1, -16		/* CA := 1: r1 + 0xfffffff0 carries */
	addic	r1, r1, 16		/* CA := 0 (WRONG: XER not saved yet) */
	b	Xintr_clock

/* interrupt_transparent: a clock stub that adds with OE = 1 (addo) in a
   register it saved, before it has saved XER: OV := 0 (no overflow), the
   interrupted code's OV lost. */
	.globl	Xintr_clock_clobbers_ov
Xintr_clock_clobbers_ov:
	stwu	r1, -16(r1)
	stw	r3, 8(r1)
	li	r3, 0
	addo	r3, r3, r3		/* WRONG: writes XER[OV] */
	lwz	r3, 8(r1)
	addi	r1, r1, 16
	b	Xintr_clock

/* interrupt_transparent: a clock stub that clears XER (mtxer) in a
   register it saved, before it has saved XER: SO, OV and CA all 0. */
	.globl	Xintr_clock_clears_xer
Xintr_clock_clears_xer:
	stwu	r1, -16(r1)
	stw	r3, 8(r1)
	li	r3, 0
	mtxer	r3			/* WRONG: SO is sticky, only mtxer/mcrxr clear it */
	lwz	r3, 8(r1)
	addi	r1, r1, 16
	b	Xintr_clock

/* The clock's handler for this file: it counts its runs in count_clock,
   which spllower_cr7_after_clock reads (the stock handler stores nothing). */
	.globl	handler_clock
handler_clock:
	lis	r11, count_clock@ha
	lwz	r12, count_clock@l(r11)
	addi	r12, r12, 1
	stw	r12, count_clock@l(r11)
	blr

/* Added by the red-team pass: each fails the property named. */

/* no_fault: calls do_pending_int without saving LR, so only a call that
   finds something pending returns into itself and runs off its frame. */
	.globl	spllower_no_lr
spllower_no_lr:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	stwu	r1, -16(r1)
	stw	r4, 8(r1)
	bl	do_pending_int		/* WRONG: LR not saved */
	lwz	r4, 8(r1)
	addi	r1, r1, 16
1:	mr	r3, r4
	blr

/* preserves: tests ipending in cr2, a CR field the caller owns. */
	.globl	spllower_uses_cr2
spllower_uses_cr2:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc	r5, r5, r3
	cmpwi	cr2, r5, 0		/* WRONG: cr0, cr1, cr5-7 are scratch */
	beq	cr2, 1f
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

/* preserves: keeps ocpl at 24(r1) of its 16-byte frame: the caller's
   frame beyond its back chain and LR save words. */
	.globl	spllower_writes_caller
spllower_writes_caller:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)		/* the caller's LR save word: ours to use */
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r4, 24(r1)		/* WRONG: meant 8(r1) */
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	bl	do_pending_int
1:	lwz	r3, 24(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* preserves: a leaf that keeps the old cpl at 0(r1) as a scratch slot.
   Of the two words the ABI lets a callee reach beyond its stack pointer,
   only the LR save word 4(r1) is the callee's to write; 0(r1) is the
   caller's back chain (SVR4 PowerPC ABI supplement ch. 3, The Stack
   Frame; abi.stack_reserve_kept), which GCC's epilogue with alloca or a
   frame pointer pops with lwz r1,0(r1) and ddb's trace follows.  It held
   while the whole 8-byte stack_reserve was the callee's (red-team pass 3,
   powerpc/rt2.S). */
	.globl	splraise_backchain
splraise_backchain:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r4, 0(r1)		/* WRONG: the caller's back chain */
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	lwz	r3, 0(r1)
	blr

/* Correct, in another style: EE off around the store and the test, the
   replay with EE back on; LR in the caller's LR save word. */
	.globl	spllower_ee_ok
spllower_ee_ok:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	mfmsr	r6
	rlwinm	r7, r6, 0, 17, 15
	mtmsr	r7
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	mtmsr	r6
	stw	r4, 8(r1)
	andc.	r5, r5, r3
	beq	1f
	bl	do_pending_int
1:	lwz	r3, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* returns_previous: keeps a carry in XER[CA] across do_pending_int,
   which the ABI lets change XER (volatile), and returns ocpl + CA - 1. */
	.globl	spllower_ca_across_call
spllower_ca_across_call:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r31, 12(r1)
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)
	stw	r3, cpl@l(r9)
	li	r6, -1
	addic	r6, r6, 1		/* CA = 1: -1 + 1 carries out */
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	bl	do_pending_int		/* WRONG: XER[CA] does not survive it */
1:	addme	r3, r31			/* ocpl while CA = 1 */
	lwz	r31, 12(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* returns_previous: keeps ocpl in r4 across do_pending_int, which the
   ABI lets clobber it (the port's does, as a C function may). */
	.globl	spllower_r4_across_call
spllower_r4_across_call:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	bl	do_pending_int		/* WRONG: r4 does not survive it */
1:	mr	r3, r4
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
