! BROKEN (expected: no_fault -- a window overflow trap with traps off).
! spllower that makes its PSR update "atomic" by turning traps off
! (ET := 0) around it, and takes a register window inside that section
! (it wants %l registers).  SAVE into the window WIM marks invalid takes a
! window_overflow trap (SPARC V8 B.20); a synchronous trap taken while
! ET = 0 puts the processor in error mode (V8 §7.3, "Trap Control": the
! processor halts / watchdog reset).  Whether the next window is valid
! depends on the caller's depth, which the routine cannot know; NetBSD's
! ET=0 code (the trap entry) never executes SAVE without first checking
! WIM.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_lower_etsave
rt_lower_etsave:
	rd	%psr, %o1
	wr	%o1, PSR_ET, %psr	! ET := 0 (it was 1)
	nop
	nop
	nop
	save	%sp, -96, %sp		! BUG: may trap (overflow) with ET = 0
	rd	%psr, %l0		! ET = 0 here
	and	%i0, PSR_PIL, %i1	! new field (%o1 after restore)
	and	%l0, PSR_PIL, %i0	! old field, returned (%o0 after restore)
	restore
	rd	%psr, %o2		! this window's CWP, ET = 0
	andn	%o2, PSR_PIL, %o2
	or	%o2, %o1, %o2
	wr	%o2, PSR_ET, %psr	! new PIL, ET := 1
	nop
	nop
	nop
	retl
	 nop
