! red team 18 a F5 (held until red team 19): the statclock's stub turns
! interrupts on (PSTATE.IE) before it raises %pil to level 14, so a lower
! request is taken in between (SPARC V9 §7.4.1: interrupt_level_n is taken
! when PSTATE.IE = 1 and n > PIL) and its handler runs inside the level-14
! interrupt before the statclock's own handler: a priority inversion.
! NetBSD sparc64 locore.s raises %pil before it enables interrupts; the
! port's own stub (kernel_snippets/sparc64/intr.S) does too.  Only the
! statclock's stub is replaced; the other sources keep the port's.
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4
	.equ	PSTATE_INTR, 0x6
	.equ	FRAME, 224
	.equ	SAVED, 2047 + 176

	.macro INVERTED name, bit, level, spl, vector
	.ifc	\name,statclock
	.text
	.globl	Xintr_\name
Xintr_\name:
	save	%sp, -FRAME, %sp
	rdpr	%tstate, %l0
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3
	wrpr	%g0, 0, %tl
	wrpr	%g0, PSTATE_KERN, %pstate
	rd	%y, %l4
	stx	%g1, [%sp + SAVED + 0]
	stx	%g2, [%sp + SAVED + 8]
	stx	%g3, [%sp + SAVED + 16]
	stx	%g4, [%sp + SAVED + 24]
	stx	%g5, [%sp + SAVED + 32]
	wrpr	%g0, PSTATE_INTR, %pstate	! interrupts on: too early
	wrpr	%g0, \level, %pil		! the level raised one instruction late
	call	handler_\name
	 nop
	wrpr	%g0, PSTATE_KERN, %pstate
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
	.endif
	.endm

	IPLEMU_SOURCES INVERTED
