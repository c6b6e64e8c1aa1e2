! sparc64 routines and stubs that break one clause of the spl contract
! each (issue 9); the property each must fail is named beside it.
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4
	.equ	PSTATE_INTR, 0x6
	.text

! returns_previous: returns its argument (the new PIL), not the old one.
	.globl	splraise_returns_new
splraise_returns_new:
	rdpr	%pil, %o1
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 nop

! preserves: a leaf routine runs in its caller's window, but this one
! keeps the old PIL in %l0, which belongs to the caller.
	.globl	splraise_uses_l0
splraise_uses_l0:
	rdpr	%pil, %l0
	cmp	%o0, %l0
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%l0, %o0

! preserves: turns interrupts off along with the write (PSTATE_KERN
! without IE) and returns with them off.
	.globl	splx_drops_ie
splx_drops_ie:
	wrpr	%g0, PSTATE_KERN, %pstate
	retl
	 wrpr	%o0, 0, %pil

! no_fault: a leaf that gives back a window it never took: with
! CANRESTORE = 0 the restore is a fill trap (not modelled).
	.globl	spllower_restores
spllower_restores:
	rdpr	%pil, %o1
	wrpr	%o0, 0, %pil
	restore
	retl
	 mov	%o1, %o0

! defined_only: returns the old PIL plus %o3, which nobody set.
	.globl	splraise_stale_o3
splraise_stale_o3:
	rdpr	%pil, %o1
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	and	%o3, 16, %o3
	retl
	 add	%o1, %o3, %o0

! The clock stub, broken four ways (intr.S's shape otherwise).
	.macro STUB_ENTRY
	save	%sp, -176, %sp
	rdpr	%tstate, %l0
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3
	.endm
	.macro STUB_EXIT
	wrpr	%g0, PSTATE_KERN, %pstate
	wrpr	%g0, 1, %tl
	wrpr	%l0, 0, %tstate
	wrpr	%l1, 0, %tpc
	wrpr	%l2, 0, %tnpc
	wrpr	%l3, 0, %pil
	restore
	retry
	.endm

! handler_priority: runs the handler without raising %pil.
	.globl	Xintr_clock_noraise
Xintr_clock_noraise:
	STUB_ENTRY
	wrpr	%g0, 0, %tl
	wrpr	%g0, PSTATE_INTR, %pstate
	call	handler_clock
	 nop
	STUB_EXIT

! served_once: never calls the handler.
	.globl	Xintr_clock_drops
Xintr_clock_drops:
	STUB_ENTRY
	wrpr	%g0, SRC_CLOCK_LEVEL, %pil
	STUB_EXIT

! defined_only: "not higher" when %icc says carry, and nothing here set
! it (the condition codes are undefined at a call: abi.scratch).
	.globl	splraise_stale_icc
splraise_stale_icc:
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	bcs,pn	%icc, 1f		! WRONG: %icc was never set
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0

! interrupt_transparent: the handler is called straight from the trap
! window's caller side: no save, so the call writes the interrupted
! code's %o7.
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	rdpr	%pil, %g1		! alternate globals: free at TL 1
	rdpr	%tstate, %g2
	rdpr	%tpc, %g3
	rdpr	%tnpc, %g4
	sethi	%hi(clobbers_trap_state), %g5	! kept in memory across the call: a
	or	%g5, %lo(clobbers_trap_state), %g5	! trap taken there (a spill) would
	stx	%g1, [%g5 + 0]		! clobber the alternate globals (V9 7.6.1)
	stx	%g2, [%g5 + 8]
	stx	%g3, [%g5 + 16]
	stx	%g4, [%g5 + 24]
	wrpr	%g0, SRC_CLOCK_LEVEL, %pil
	wrpr	%g0, 0, %tl		! the handler at TL 0 on the normal globals
	wrpr	%g0, PSTATE_KERN, %pstate	! (abi.entry_state), interrupts still off
	call	handler_clock		! WRONG: writes the interrupted %o7
	 nop
	wrpr	%g0, PSTATE_KERN | 1, %pstate	! the alternate globals again (AG)
	sethi	%hi(clobbers_trap_state), %g5
	or	%g5, %lo(clobbers_trap_state), %g5
	ldx	[%g5 + 0], %g1
	ldx	[%g5 + 8], %g2
	ldx	[%g5 + 16], %g3
	ldx	[%g5 + 24], %g4
	wrpr	%g0, 1, %tl
	wrpr	%g2, 0, %tstate
	wrpr	%g3, 0, %tpc
	wrpr	%g4, 0, %tnpc
	wrpr	%g1, 0, %pil
	retry
	.data
	.align	8
clobbers_trap_state:
	.skip	32
	.text

! returns_previous: returns the old PIL with bit 32 set: the callee
! extends an int result to 64 bits (abi.result_upper), and GCC's callers
! use %o0 whole.  (Red-team pass 3.)
	.globl	splraise_unextended
splraise_unextended:
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	mov	1, %o2
	sllx	%o2, 32, %o2
	retl
	 or	%o1, %o2, %o0

! returns_previous: keeps the old PIL in the window save area at
! %sp + BIAS across the PIL write: an interrupt nesting deeper than the
! free windows spills the interrupted window there (interrupt.spill_area),
! and the leaf reads back the window's %l0.  (Red-team pass 3.)
	.globl	spllower_in_save_area
spllower_in_save_area:
	rdpr	%pil, %o1
	stx	%o1, [%sp + 2047 + 0]
	wrpr	%o0, 0, %pil
	nop
	nop
	retl
	 ldx	[%sp + 2047 + 0], %o0

! Correct: the same in the argument dump area (+128..+175), the callee's.
	.globl	spllower_in_arg_dump_ok
spllower_in_arg_dump_ok:
	rdpr	%pil, %o1
	stx	%o1, [%sp + 2047 + 128]
	wrpr	%o0, 0, %pil
	nop
	nop
	retl
	 ldx	[%sp + 2047 + 128], %o0
! Correct: max(s, old) with a register-conditional move (MOVr, V9 A.36),
! one write always, as GCC -O2 -mcpu=ultrasparc writes `s > old ? s :
! old` with movr.  It failed no_fault before the interpreter decoded MOVr
! (red-team pass 3b).  Expect: holds.
	.globl	splraise_movr_ok
splraise_movr_ok:
	rdpr	%pil, %o1
	sub	%o0, %o1, %o2		! s - old
	movrlez	%o2, %o1, %o0		! not higher: s := old
	wrpr	%o0, 0, %pil
	retl
	 mov	%o1, %o0

! Correct: a routine in its own window that returns with RETURN (V9 A.45:
! RESTORE's window move and a delayed jump; the slot runs in the caller's
! window), GCC -O2's epilogue for a non-leaf function; the result is
! extended in the slot.  It failed no_fault before RETURN was decoded.
! Expect: holds.
	.globl	splraise_return_ok
splraise_return_ok:
	save	%sp, -176, %sp
	rdpr	%pil, %i5
	cmp	%i0, %i5
	movle	%xcc, %i5, %i0		! not higher: s := old
	wrpr	%i0, 0, %pil
	return	%i7 + 8
	 sra	%o5, 0, %o0		! the old PIL (%i5 before the restore)
