! Red team 11 (held before Poisoner.spill_windows poisoned the window save
! areas at every C function entry): a disk stub whose save takes the
! 176-byte minimum frame keeps %g1-%g5 above it, at [%fp + 2047 + 48 ..
! 80]: the interrupted window's register save area (16 extended words at
! its biased %sp, which is the stub's %fp), where a spill trap inside a
! deep enough C handler stores the interrupted window's %l6-%l7/%i0-%i2
! (V9 §6.4).  The stub then gives them back as the interrupted globals.
! Twin: redteam11_stub_frame_ok.S.
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4	! psl.h: PSTATE_MM_TSO|PSTATE_PRIV
	.equ	PSTATE_INTR, 0x6	! psl.h: PSTATE_KERN|PSTATE_IE
	.equ	FRAME, 176		! WRONG: the minimum frame, none of it the stub's
	.equ	KEEP, 2047 + 48	! from %fp (biased): where %g1-%g5 go

	.macro DISKSTUB name, bit, level, spl, vector
	.ifc \name,disk
	.text
	.globl	Xintr_\name
Xintr_\name:
	save	%sp, -FRAME, %sp	! the stub's window; %fp is the interrupted %sp
	rdpr	%tstate, %l0
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3
	wrpr	%g0, \level, %pil
	wrpr	%g0, 0, %tl
	wrpr	%g0, PSTATE_KERN, %pstate	! the normal globals, interrupts still off
	rd	%y, %l4
	stx	%g5, [%fp + KEEP + 0]	! through %fp, highest global first
	stx	%g4, [%fp + KEEP + 8]
	stx	%g3, [%fp + KEEP + 16]
	stx	%g2, [%fp + KEEP + 24]
	stx	%g1, [%fp + KEEP + 32]
	wrpr	%g0, PSTATE_INTR, %pstate	! interrupts on
	call	handler_\name
	 nop
	wrpr	%g0, PSTATE_KERN, %pstate
	ldx	[%fp + KEEP + 32], %g1
	ldx	[%fp + KEEP + 24], %g2
	ldx	[%fp + KEEP + 16], %g3
	ldx	[%fp + KEEP + 8], %g4
	ldx	[%fp + KEEP + 0], %g5
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
	IPLEMU_SOURCES DISKSTUB
