! sparc routines and stubs that break one clause of the spl contract each
! (issue 9); the property each must fail is named beside it.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_S, 0x80
	.text

! returns_previous: returns its argument (the new field), not the old one.
	.globl	splraise_returns_new
splraise_returns_new:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 nop

! preserves: a leaf routine runs in its caller's window, but this one
! keeps the old field in %l0, which belongs to the caller.
	.globl	splraise_uses_l0
splraise_uses_l0:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %l0
	cmp	%o0, %l0
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%l0, %o0

! preserves: clears PSR.S along with PIL (andn with PIL|S): the kernel
! returns to its caller in user mode.
	.globl	splx_drops_s
splx_drops_s:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	andn	%o1, PSR_PIL | PSR_S, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 nop

! no_fault: reads %psr in its caller's window, then takes a window of its
! own with save and writes the PSR it read back: the stale CWP puts it in
! the caller's window again, so its restore goes one window too far and
! it returns through a %i7 that is not its caller's.
	.globl	spllower_stale_cwp
spllower_stale_cwp:
	rd	%psr, %o1
	save	%sp, -96, %sp
	and	%i0, PSR_PIL, %i0
	and	%i1, PSR_PIL, %l2
	andn	%i1, PSR_PIL, %l3
	wr	%l3, %i0, %psr		! CWP of the caller's window: stale
	nop
	nop
	nop
	mov	%l2, %i0
	ret
	 restore

! no_fault: a clock stub that enables traps but never raises PIL: the trap
! left PIL at the interrupted level (V8 §7.5), and the clock's request is
! still asserted (its handler has not read the limit register), so the
! CPU takes it again at once, without end: an interrupt storm.  (Before
! sparc held taken requests, red team 21, its handler_priority variant.)
	.globl	Xintr_clock_noraise
Xintr_clock_noraise:
	rd	%psr, %l0
	sub	%fp, 96, %sp
	wr	%l0, 0x20, %psr		! ET := 1 only
	nop
	nop
	nop
	call	handler_clock
	 nop
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2

! handler_priority: a clock stub that raises PIL to 15, not to the
! clock's level 10, before it enables traps: the handler runs above its
! IPL, and nothing between 11 and 14 (zs, statclock) can preempt it.
	.globl	Xintr_clock_overraise
Xintr_clock_overraise:
	rd	%psr, %l0
	sub	%fp, 96, %sp
	or	%l0, PSR_PIL, %l3	! PIL := 15
	wr	%l3, 0, %psr
	wr	%l3, 0x20, %psr		! then ET := 1
	nop
	nop
	nop
	call	handler_clock
	 nop
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2

! served_once: a clock stub that skips the handler when it interrupted a
! raised PIL ("later"), recording nothing: the request is lost.
	.globl	Xintr_clock_drops
Xintr_clock_drops:
	rd	%psr, %l0
	andcc	%l0, PSR_PIL, %g0
	bne	1f
	 sub	%fp, 96, %sp
	andn	%l0, PSR_PIL, %l3
	or	%l3, (SRC_CLOCK_LEVEL << 8), %l3
	wr	%l3, 0x20, %psr
	nop
	nop
	nop
	call	handler_clock
	 nop
	wr	%l0, 0, %psr
	nop
	nop
	nop
1:	jmp	%l1
	 rett	%l2

! Correct, for contrast: the write settles across retl and its delay
! slot (the 2nd and 3rd instructions after it): a source that arrives
! meanwhile is taken at the return boundary, as good as before it.
	.globl	spllower_retl_slot
spllower_retl_slot:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	retl
	 mov	%o2, %o0

! defined_only: keeps the old field in %o3 only on the path that writes,
! and returns %o3 on both: the early return hands back whatever %o3 held.
	.globl	splraise_stale_o3
splraise_stale_o3:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	mov	%o2, %o3
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o3, %o0

! defined_only: "not higher" when icc says carry, and nothing here set
! icc (and does not touch it; icc is undefined at a call: abi.scratch).
	.globl	splraise_stale_icc
splraise_stale_icc:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	bcs	1f			! WRONG: icc was never set
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0

! interrupt_transparent: a clock stub that uses %i0 as a temporary: the
! trap window's ins are the interrupted window's outs (V8 §4.4), so the
! interrupted code's %o0 comes back changed.
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	rd	%psr, %l0
	sub	%fp, 96, %sp
	andn	%l0, PSR_PIL, %i0
	or	%i0, (SRC_CLOCK_LEVEL << 8), %l3
	wr	%l3, 0x20, %psr
	nop
	nop
	nop
	call	handler_clock
	 nop
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2

! defined_only: keeps the old PIL field below %sp across the write; the
! handler's frame goes there (interrupt.changes), so after an interrupt
! what it reads back is undefined.
	.globl	splraise_below_sp
splraise_below_sp:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	st	%o2, [%sp - 8]
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 ld	[%sp - 8], %o0

! Added by the red-team pass: each fails the property named.

! exact: forgets to clear PIL before the XORing wr: PIL := old ^ new
	.globl	spllower_xor_old
spllower_xor_old:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	wr	%o1, %o0, %psr		! WRONG: %o1 still holds the old PIL
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
! exact: compares s with the whole PSR, not its PIL field
	.globl	splraise_whole_psr
splraise_whole_psr:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o1		! WRONG: %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
! preserves: traps off (ET) while computing; the "not higher" early
! exit leaves them off
	.globl	splraise_et_early
splraise_et_early:
	rd	%psr, %o1
	wr	%o1, 0x20, %psr		! ET off (XOR with ET, set at every spl)
	nop
	nop
	nop
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f			! WRONG: returns with ET off
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr		! (%o1 still has ET on)
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
! exact: one nop short at the end: "wr; nop; retl; nop" is fine (the
! return boundary), but "wr; retl; nop" leaves the write pending
	.globl	spllower_one_slot
spllower_one_slot:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	retl
	 mov	%o2, %o0
! Correct, in another style: one nop after the write, then retl and its
! slot: the write settles at the return boundary (latency 3).
	.globl	splraise_compact_ok
splraise_compact_ok:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o3
	wr	%o3, %o0, %psr
	nop
1:	retl
	 mov	%o2, %o0

! returns_previous: compares in the delay of its own wr %psr.  wr is a
! delayed write, icc too (V8 B.29): when it lands it replaces the icc the
! subcc set, so the be can branch on the caller's icc (the rd's), and the
! routine returns the new level.  (Red-team pass 3: this held while only
! the PIL was modelled as delayed.)
	.globl	spllower_cc_in_delay
spllower_cc_in_delay:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	subcc	%o2, %o0, %g0		! in the delay: "same level?"
	be	1f
	 nop
	retl
	 mov	%o2, %o0
1:	retl
	 nop

! returns_previous: keeps the old field in the window save area at %sp
! across the PIL write: an interrupt nesting deeper than the free windows
! spills the interrupted window there (interrupt.spill_area), and the leaf
! reads back the window's %l0.
	.globl	spllower_in_save_area
spllower_in_save_area:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	st	%o2, [%sp]
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 ld	[%sp], %o0

! returns_previous: the same after a save: the old field kept in the
! caller's window save area at %fp (the call's %sp), where a window
! overflow during a deep nesting spills the caller's window.  (Red-team
! pass 4: only the interrupted window's area at %sp was poisoned.)
	.globl	spllower_in_caller_save_area
spllower_in_caller_save_area:
	save	%sp, -96, %sp
	rd	%psr, %l1
	and	%l1, PSR_PIL, %l2
	st	%l2, [%fp + 8]
	andn	%l1, PSR_PIL, %l1
	and	%i0, PSR_PIL, %l3
	wr	%l1, %l3, %psr
	nop
	nop
	nop
	ld	[%fp + 8], %i0
	ret
	 restore

! Correct: the PIL field of its argument computed with UDIV (V8 B.19: the
! dividend is Y:%o0, so Y is cleared first, three instructions ahead as
! WRY is a delayed write, B.29), STBAR (B.30) and FLUSH (B.32) before it:
! base V8 instructions a routine may use.
	.globl	splraise_udiv_ok
splraise_udiv_ok:
	stbar
	flush	%o7
	wr	%g0, 0, %y
	nop
	nop
	nop
	udiv	%o0, 0x100, %o0		! the PIL number
	sll	%o0, 8, %o0
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0

! no_fault: tests its argument with TADDccTV, whose tag overflow traps
! (V8 B.16): the immediate 3 has a nonzero tag, so it always traps (the
! tag_overflow trap is not modelled: a fault naming the instruction).
	.globl	splraise_tagged_trap
splraise_tagged_trap:
	taddcctv %o0, 3, %g0
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
