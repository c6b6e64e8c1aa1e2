! BROKEN: interrupt stubs that acknowledge their own level in SOFTINT with
! a CLEAR_SOFTINT (%asr21) write only after the handler returned, against
! UltraSPARC User's Manual (Sun 1997) §9.4's Note ("To avoid a race
! condition ... the kernel should reexamine the queue for any valid
! entries after clearing the interrupt bit"): a request of the same level
! arriving while the handler runs (its PIL blocks it, so SOFTINT holds it)
! is wiped by the late write and its handler never runs.  Fails
! served_once at depth 2 ("software withdrew its request in the CPU").
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
	wrpr	%g0, PSTATE_KERN, %pstate
	rd	%y, %l4
	stx	%g1, [%sp + SAVED + 0]
	stx	%g2, [%sp + SAVED + 8]
	stx	%g3, [%sp + SAVED + 16]
	stx	%g4, [%sp + SAVED + 24]
	stx	%g5, [%sp + SAVED + 32]
	wrpr	%g0, PSTATE_INTR, %pstate	! interrupts on
	call	handler_\name
	 nop
	wrpr	%g0, PSTATE_KERN, %pstate	! interrupts off
	sethi	%hi(1 << \level), %l5	! BUG: acknowledged after the service
	or	%l5, %lo(1 << \level), %l5
	wr	%l5, 0, %asr21
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
	wrpr	%l3, 0, %pil
	restore
	retry
	.endm
	IPLEMU_SOURCES STUB
