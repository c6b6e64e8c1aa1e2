! Interrupt stubs that never set PSTATE.IE for the handler (the
! `wrpr %g0, PSTATE_INTR, %pstate` before the call left out).
! BUG: no interrupt preempts any handler, whatever its level: a
! statclock (14) or zs (12) request waits for a whole disk (5) handler;
! the PIL hierarchy is dead inside handlers (serial overruns).
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4
	.equ	PSTATE_INTR, 0x6
	.equ	FRAME, 224
	.equ	SAVED, 2047 + 176
	.macro STUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	save	%sp, -FRAME, %sp	! a window (a spill trap here is not modelled)
	rdpr	%tstate, %l0		! the interrupted CCR, ASI, PSTATE, CWP
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3		! the interrupted PIL
	wrpr	%g0, \level, %pil	! block this level and below
	wrpr	%g0, 0, %tl		! leave the trap level
	wrpr	%g0, PSTATE_KERN, %pstate	! normal globals, interrupts still off
	rd	%y, %l4			! what a C handler may change: %y, %g1-%g5
	stx	%g1, [%sp + SAVED + 0]
	stx	%g2, [%sp + SAVED + 8]
	stx	%g3, [%sp + SAVED + 16]
	stx	%g4, [%sp + SAVED + 24]
	stx	%g5, [%sp + SAVED + 32]
	! BUG: interrupts never turned on for the handler
	call	handler_\name
	 nop
	wrpr	%g0, PSTATE_KERN, %pstate	! interrupts off
	ldx	[%sp + SAVED + 0], %g1
	ldx	[%sp + SAVED + 8], %g2
	ldx	[%sp + SAVED + 16], %g3
	ldx	[%sp + SAVED + 24], %g4
	ldx	[%sp + SAVED + 32], %g5
	wr	%l4, 0, %y
	wrpr	%g0, 1, %tl
	wrpr	%l0, 0, %tstate
	wrpr	%l1, 0, %tpc
	wrpr	%l2, 0, %tnpc
	wrpr	%l3, 0, %pil		! the interrupted PIL back
	restore				! the window back (retry restores CWP too)
	retry
	.endm
	IPLEMU_SOURCES STUB
