! sh3 routines and stubs each written to break one clause of the contract
! (test data; see tests/test_contract.py), linked with kernel_snippets/sh3.
	.include "port.inc"
	.text

! returns_previous: returns the new IMASK field instead of the old one.
	.globl	splraise_returns_new
	.align	2
splraise_returns_new:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	cmp/hs	r4, r0
	bt	1f
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
	mov	r4, r0			! "the level now"
1:	rts
	nop

! preserves: uses the callee-saved r8 as scratch without saving it.
	.globl	splraise_clobbers_r8
	.align	2
splraise_clobbers_r8:
	stc	sr, r8
	mov	#-16, r2
	extu.b	r2, r2
	mov	r8, r0
	and	r2, r0
	cmp/hs	r4, r0
	bt	1f
	not	r2, r2
	and	r2, r8
	or	r4, r8
	ldc	r8, sr
1:	rts
	nop

! no_fault: treats its argument as a pointer.
	.globl	splx_derefs
	.align	2
splx_derefs:
	mov.l	@r4, r1
	ldc	r1, sr
	rts
	nop

! defined_only: takes a shortcut on a bit of r5, an argument register the
! call does not pass (undefined).
	.globl	spllower_stale_r5
	.align	2
spllower_stale_r5:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	mov	r5, r3
	shlr	r3			! T = bit 0 of r5
	bt	1f			! "already there"
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop

! defined_only: branches on T, which it never set: the T bit is not
! preserved across a call (abi.scratch sr:0x301), so "already there" is
! whatever the caller's last compare left.
	.globl	spllower_stale_t
	.align	2
spllower_stale_t:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	bt	1f			! T: never set here
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop

! defined_only, only after an interrupt: once the clock has run (its
! handler counts in count_clock) it branches on T, which it never set.
! The baseline never reads T; the case that delivers the clock does, and
! ends otherwise when T (never written since the call) is flipped.  The
! count picks the path from a table: a compare would write T itself.
	.globl	spllower_t_after_clock
	.align	2
spllower_t_after_clock:
	mova	4f, r0
	mov.l	3f, r1
	mov.l	@r1, r2			! count_clock: 0, or 1 after a clock interrupt
	shll2	r2			! (shll2 leaves T alone)
	add	r2, r0
	mov.l	@r0, r3
	jmp	@r3
	nop
2:	bt	1f			! WRONG: T never set
5:	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop
	.align	2
3:	.long	count_clock
4:	.long	5b, 2b, 2b, 2b

! The stubs below follow kernel_snippets/sh3/intr.S; each gets one thing
! wrong.  They save and restore what intr.S's do.
	.macro	STUB_ENTRY
	stc.l	spc, @-r15
	stc.l	ssr, @-r15
	sts.l	pr, @-r15
	stc.l	r0_bank, @-r15
	stc.l	r1_bank, @-r15
	stc.l	r2_bank, @-r15
	stc.l	r3_bank, @-r15
	stc.l	r4_bank, @-r15
	stc.l	r5_bank, @-r15
	stc.l	r6_bank, @-r15
	stc.l	r7_bank, @-r15
	.endm

	.macro	STUB_EXIT
	stc	sr, r0
	mov.l	9f, r1			! BL | RB
	or	r1, r0
	ldc	r0, sr
	ldc.l	@r15+, r7_bank
	ldc.l	@r15+, r6_bank
	ldc.l	@r15+, r5_bank
	ldc.l	@r15+, r4_bank
	ldc.l	@r15+, r3_bank
	ldc.l	@r15+, r2_bank
	ldc.l	@r15+, r1_bank
	ldc.l	@r15+, r0_bank
	lds.l	@r15+, pr
	ldc.l	@r15+, ssr
	ldc.l	@r15+, spc
	rte
	nop
	.align	2
8:	.long	~0x300000f0
9:	.long	0x30000000
7:	.long	handler_clock
	.endm

! handler_priority: unblocks at IMASK 0 instead of the clock's level.
	.globl	Xintr_clock_lowers
	.align	2
Xintr_clock_lowers:
	STUB_ENTRY
	stc	sr, r0
	mov.l	8f, r1
	and	r1, r0			! bank 0, unblocked, IMASK 0
	ldc	r0, sr
	mov.l	7f, r0
	jsr	@r0
	nop
	STUB_EXIT

! served_once: returns without running the handler.
	.globl	Xintr_clock_drops
	.align	2
Xintr_clock_drops:
	STUB_ENTRY
	STUB_EXIT

! interrupt_transparent: brings back bank 0's r1 from the wrong slot
! (r2's), so the interrupted code loses its r1.
	.globl	Xintr_clock_clobbers
	.align	2
Xintr_clock_clobbers:
	STUB_ENTRY
	stc	sr, r0
	mov.l	8f, r1
	and	r1, r0
	mov	#SRC_CLOCK_SPL - 256, r2
	extu.b	r2, r2
	or	r2, r0
	ldc	r0, sr
	mov.l	7f, r0
	jsr	@r0
	nop
	stc	sr, r0
	mov.l	9f, r1
	or	r1, r0
	ldc	r0, sr
	ldc.l	@r15+, r7_bank
	ldc.l	@r15+, r6_bank
	ldc.l	@r15+, r5_bank
	ldc.l	@r15+, r4_bank
	ldc.l	@r15+, r3_bank
	ldc.l	@r15+, r1_bank		! r2's slot into r1
	ldc.l	@r15+, r1_bank
	ldc.l	@r15+, r0_bank
	lds.l	@r15+, pr
	ldc.l	@r15+, ssr
	ldc.l	@r15+, spc
	rte
	nop
	.align	2
8:	.long	~0x300000f0
9:	.long	0x30000000
7:	.long	handler_clock

! The clock's handler for this file: it counts its runs in count_clock,
! which spllower_t_after_clock reads (the stock handler stores nothing).
	.globl	handler_clock
	.align	2
handler_clock:
	mov.l	5f, r1
	mov.l	@r1, r2
	add	#1, r2
	rts
	mov.l	r2, @r1
	.align	2
5:	.long	count_clock

! Added by the red-team pass: each fails the property named.

! exact: masks SR with 0xfffffff0 (forgot extu.b): the "old field" has
! MD/RB/BL in it, is always >= s, and the raise never happens
	.globl	splraise_no_extu
	.align	2
splraise_no_extu:
	stc	sr, r1
	mov	#-16, r2		! WRONG: 0xfffffff0, not 0xf0
	mov	r1, r0
	and	r2, r0
	cmp/hs	r4, r0
	bt	1f
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop
! exact: sign-extends the argument byte and compares signed: IMASK
! images 0x80 and above (IPL_BIO..IPL_HIGH) are negative
	.globl	splraise_signed
	.align	2
splraise_signed:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	exts.b	r4, r4			! WRONG: "normalise" the char argument
	cmp/ge	r4, r0			! signed
	bt	1f
	not	r2, r2
	and	r2, r1
	and	r2, r4
	not	r2, r2
	and	r2, r4
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop
! no_fault: the SR write in rts's delay slot: the backend refuses it (not
! modelled), a fault, never a verdict of holds.
	.globl	spllower_ldc_in_slot
	.align	2
spllower_ldc_in_slot:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	not	r2, r2
	and	r2, r1
	or	r4, r1
	rts
	ldc	r1, sr			! in the delay slot
! Correct, in another style: compares the IPL numbers (shifted down),
! keeps SR in r3, shifts the result back in rts's delay slot.
	.globl	splraise_shift_ok
	.align	2
splraise_shift_ok:
	stc	sr, r3
	mov	r3, r0
	shlr2	r0
	shlr2	r0
	and	#15, r0			! old IPL
	mov	r4, r1
	shlr2	r1
	shlr2	r1			! new IPL
	cmp/hi	r0, r1
	bf	1f
	mov	#-16, r2
	extu.b	r2, r2
	not	r2, r2
	and	r2, r3
	or	r4, r3
	ldc	r3, sr
1:	shll2	r0
	rts
	shll2	r0
