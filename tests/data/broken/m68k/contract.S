| m68k routines and stubs that break one clause of the spl contract each
| (issue 9); the property each must fail is named beside it.
	.include "port.inc"
	.text

| returns_previous: returns the SR image after the write (the new level).
	.globl	splraise_returns_new
splraise_returns_new:
	move.w	%sr,%d1
	andi.w	#0x0700,%d1
	move.w	6(%sp),%d0
	andi.w	#0x0700,%d0
	cmp.w	%d1,%d0
	bls.s	1f
	move.w	6(%sp),%sr
1:	moveq	#0,%d0
	move.w	%sr,%d0
	rts

| preserves: keeps the current level in the callee-saved %d2.
	.globl	splraise_clobbers_d2
splraise_clobbers_d2:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d0,%d2
	andi.w	#0x0700,%d2
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%d2,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	rts

| no_fault: builds the SR image from the level with a wrong constant:
| PSL_S was meant (0x2000), T1|S (0xa000) was written, so the caller
| returns with tracing on: the next instruction is traced (a trace exception).
	.globl	splx_sets_trace
splx_sets_trace:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	ori.w	#0xa000,%d1		| meant PSL_S (0x2000), wrote T1|S
	move.w	%d1,%sr
	rts

| handler_priority: a clock stub that lowers to level 0 before calling
| the handler ("let other interrupts in while we work").
	.globl	Xintr_clock_lowers
Xintr_clock_lowers:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	andi.w	#0xf8ff,%sr
	jsr	handler_clock
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte

| served_once: a clock stub that defers work when it interrupted a raised
| level, but records nothing to run later: the request is lost.
	.globl	Xintr_clock_drops
Xintr_clock_drops:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	move.w	16(%sp),%d0		| the interrupted SR from the frame
	andi.w	#0x0700,%d0
	bne.s	1f			| interrupted a raised level: "later"
	jsr	handler_clock
1:	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte

| no_fault: a clock stub that returns with rts instead of rte: it pops the
| SR word and half the PC as a return address.
	.globl	Xintr_clock_rts
Xintr_clock_rts:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_clock
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rts

| Correct: reads the SR into %d0 with move.w and no moveq #0 before it,
| as NetBSD's own _spl does (m68k psl.h: "movew %%sr,%0" into an int): the
| upper word is whatever %d0 held, but an spl value is the low word
| (abi.result_bits 16; splx moves the low word into SR).  Until red-team
| pass 4 this was taken for a defined_only failure.  The level is set by
| the port's splx, which runs the soft interrupts pending in ssir first
| when it is level 0 (archs/m68k.yaml); %d0 is kept across it.
	.globl	spllower_sr_word_ok
spllower_sr_word_ok:
	move.w	%sr,%d0
	move.l	%d0,-(%sp)		| the result, upper word as it was
	move.l	8(%sp),-(%sp)
	jsr	splx
	addq.l	#4,%sp
	move.l	(%sp)+,%d0
	rts

| defined_only: branches on the carry, which nothing here set: the
| condition codes are not preserved across a call (abi.scratch sr:0x1f),
| so "already there" is whatever the caller's last compare left.
	.globl	spllower_stale_ccr
spllower_stale_ccr:
	bcs.s	1f			| C: never set here
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
1:	moveq	#0,%d0
	move.w	%sr,%d0
	rts

| defined_only, only after an interrupt: once the clock has run (its
| handler counts in count_clock) it branches on the carry, which nothing
| set.  The baseline never reads the CCR; the case that delivers the
| clock does, and ends otherwise when the CCR (never written since the
| call) is flipped.  The count picks the path from a table: movea, adda,
| lea and jmp leave the flags alone.
	.globl	spllower_ccr_after_clock
spllower_ccr_after_clock:
	movea.l	count_clock,%a0		| 0, or 1 after a clock interrupt
	adda.l	%a0,%a0
	adda.l	%a0,%a0
	lea	4f,%a1
	movea.l	(%a1,%a0.l),%a1
	jmp	(%a1)
2:	bcs.s	1f			| WRONG: C never set
3:	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
1:	moveq	#0,%d0
	move.w	%sr,%d0
	rts
	.align	2
4:	.long	3b, 2b, 2b, 2b

| defined_only: cmp writes N, Z, V and C but leaves X (M68000 PRM §4 CMP,
| condition codes: "X - Not affected"): the addx adds the caller's X.
	.globl	spllower_x_after_cmp
spllower_x_after_cmp:
	moveq	#0,%d1
	cmp.l	%d1,%d1
	addx.l	%d1,%d1			| WRONG: X never written
	tst.l	%d1
	beq.s	1f
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
1:	moveq	#0,%d0
	move.w	%sr,%d0
	rts

| defined_only, only after an interrupt: count_clock (its handler counts
| the clock's runs) is read twice; each move writes N, Z, V and C but not
| X (PRM §4 MOVE).  When the count changed in between (the clock ran
| there), the routine adds X, which nothing set.  The baseline never reads
| X; a case delivering the clock between the reads does, and ends
| otherwise when X (never written since the call, though the flags beside
| it were) is flipped.
	.globl	spllower_x_after_clock
spllower_x_after_clock:
	move.l	count_clock,%d0
	move.l	count_clock,%d1
	cmp.l	%d0,%d1
	beq.s	2f			| no clock in between
	moveq	#0,%d1
	addx.l	%d1,%d1			| WRONG: X never written
	tst.l	%d1
	beq.s	1f
2:	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
1:	moveq	#0,%d0
	move.w	%sr,%d0
	rts

| interrupt_transparent: a clock stub that saves only %d0/%a0 but uses
| %d1 for its own work.
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	movem.l	%d0/%a0,-(%sp)
	move.w	8(%sp),%d1		| the interrupted SR, "for statistics"
	jsr	handler_clock
	movem.l	(%sp)+,%d0/%a0
	rte

| The clock's handler for this file: it counts its runs in count_clock,
| which spllower_ccr_after_clock reads (the stock handler stores nothing).
	.globl	handler_clock
handler_clock:
	addq.l	#1,count_clock
	rts

| Added by the red-team pass: each fails the property named.

| no_window: clears the IPL field, then moves the new SR in: for one
| instruction the level is 0.
	.globl	splx_and_then_move
splx_and_then_move:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	andi.w	#0xf8ff,%sr		| WRONG: level 0 for one instruction
	move.w	%d1,%sr
	rts

| preserves: compares the levels in %d2, a register the caller owns.
	.globl	splraise_uses_d2_compare
splraise_uses_d2_compare:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	move.w	%d0,%d2			| WRONG: %d2 is callee-saved
	andi.w	#0x0700,%d2
	cmp.w	%d2,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	rts

| exact: moves the argument to the CCR (the SR's low byte), not the SR.
	.globl	spllower_to_ccr
spllower_to_ccr:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%ccr		| WRONG: %sr
	rts

| exact: compares level << 5 as signed bytes (ble): levels 4 to 7 are
| negative, so a raise from 3 or below to 4 or above does nothing.
	.globl	splraise_signed_byte
splraise_signed_byte:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.l	%d0,%a1			| the old SR, returned
	lsr.w	#3,%d0
	andi.w	#0x00e0,%d0		| current level << 5
	move.w	6(%sp),%d1
	lsr.w	#3,%d1
	andi.w	#0x00e0,%d1		| requested level << 5
	cmp.b	%d0,%d1
	ble.s	1f			| WRONG: bls
	move.w	6(%sp),%sr
1:	move.l	%a1,%d0
	rts

| Correct, in another style: up to level 7 first, then down to the max
| of the old and the requested level.
	.globl	splraise_via_high_ok
splraise_via_high_ok:
	moveq	#0,%d0
	move.w	%sr,%d0
	ori.w	#0x0700,%sr
	move.l	%d0,%a1
	move.w	%d0,%d1
	andi.w	#0x0700,%d1
	move.w	6(%sp),%a0
	move.l	%a0,%d0
	andi.w	#0x0700,%d0
	cmp.w	%d1,%d0
	bhi.s	1f
	move.w	%d1,%d0
1:	ori.w	#0x2000,%d0
	move.w	%d0,%sr
	move.l	%a1,%d0
	rts

| returns_previous: returns only the old level field (SR & 0x0700), not the
| SR image an spl value is: a later splx(s), move.w s,%sr, clears S (bit 13)
| and drops the CPU to user mode (M68000 PRM §1.3.2).  (Red-team pass 3.)
	.globl	splraise_level_only
splraise_level_only:
	move.w	%sr,%d0
	andi.l	#0x0700,%d0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%d0,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	rts
