! BROKEN (expected: no_fault -- a window overflow trap with traps off).
! Red team 39 B F2: spl0 that turns traps off (ET := 0) for its
! read-modify-write of the PSR and takes a register window with SAVE while
! they are off.  A caller whose window is the last free one (WIM marks
! CWP - 1 invalid: every other window of the CPU holds a caller's or the
! user's registers) makes that SAVE a window_overflow trap (SPARC V8 manual
! B.20 SAVE), and a trap taken with ET = 0 puts the processor in error mode
! (V8 ch. 7, 7.3): a watchdog reset.  It held while no call state of
! archs/sparc.yaml had the window below the caller's invalid (now
! abi.call_states "window below invalid").
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_spl0
rt_spl0:
	rd	%psr, %o1
	wr	%o1, PSR_ET, %psr	! ET := 0 (it was 1)
	nop
	nop
	nop
	save	%sp, -96, %sp		! WRONG with traps off
	and	%i1, PSR_PIL, %i0	! the old PIL, returned
	andn	%i1, PSR_PIL, %i1	! PIL 0, ET still set in the image
	restore
	wr	%o1, 0, %psr		! ET := 1, PIL := 0
	nop
	nop
	nop
	retl
	 nop
