! Interrupt stubs (CORRECT) that acknowledge their own level in SOFTINT
! with a CLEAR_SOFTINT (%asr21) write before they call the handler, as the
! UltraSPARC kernel must (UltraSPARC User's Manual, Sun 1997, §9.4: "When
! all interrupts scheduled for service at level n have been serviced, the
! kernel will write to the CLEAR_SOFTINT register ... with bit n set, in
! order to clear that interrupt"; its Note: "To avoid a race condition
! ... the kernel should reexamine the queue for any valid entries after
! clearing the interrupt bit").  A second request of the same level that
! arrives in the stub before the write is withdrawn with it, and the
! handler run that starts after the write serves it: at depth 2 every
! property holds.  Level 1 is left alone: softclock and softnet share it
! (archs/sparc64.yaml), and one source's stub, which runs only its own
! handler, would drop the other's request.
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
	.if	\level > 1
	sethi	%hi(1 << \level), %l5	! acknowledge the level, then serve it
	or	%l5, %lo(1 << \level), %l5
	wr	%l5, 0, %asr21
	.endif
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
