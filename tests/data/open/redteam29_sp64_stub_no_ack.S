! BROKEN stubs (expected: no_fault -- an interrupt storm -- or
! served_once).  Interrupt stubs that never acknowledge their level in
! SOFTINT: no CLEAR_SOFTINT (%asr21) write anywhere (this is the port's
! own stub, kernel_snippets/sparc64/intr.S, unchanged).  On UltraSPARC an
! interrupt_level_n request is SOFTINT<n>, set by SET_SOFTINT or by the
! interrupt_vector trap handler, and the CPU does NOT clear it when it
! takes the trap: "When all interrupts scheduled for service at level n
! have been serviced, the kernel will write to the CLEAR_SOFTINT register
! ... with bit n set, in order to clear that interrupt" (UltraSPARC User's
! Manual, Sun 1997, §9.4; NetBSD sparc64 locore.s sparc_interrupt clears
! the level's bit before it runs the handlers).  So after this stub's
! retry puts the interrupted PIL back below n, SOFTINT<n> is still set
! and the CPU takes level n again at once, for ever.  The model consumes
! a request when the CPU takes it (backends/sparc64.py
! holds_taken_requests = False), so nothing shows.
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4
	.equ	PSTATE_INTR, 0x6
	.equ	FRAME, 224
	.equ	SAVED, 2047 + 176
	.macro NOACKSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	save	%sp, -FRAME, %sp	! a window (with CANSAVE = 0: a spill trap, run as SPILL64)
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
	wrpr	%g0, PSTATE_INTR, %pstate	! interrupts on
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

	IPLEMU_SOURCES NOACKSTUB
