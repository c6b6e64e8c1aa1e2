! Interrupt stubs that raise PIL but never set PSR.ET before calling the
! C handler (the `wr %l3, PSR_ET, %psr` written as `wr %l3, 0, %psr`).
! BUG: the handler runs with traps disabled: its first window overflow
! (a C handler nesting deeper than the free windows; the save in its
! prologue when the next window is invalid), or any other trap, with
! ET = 0 puts the processor in error mode (SPARC V8 §7.3, "a trap while
! ET = 0 ... error_mode"): the machine halts.  No interrupt nests (not
! even level 15) while it runs.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	FRAME, 120
	.macro STUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	rd	%psr, %l0
	sub	%fp, FRAME, %sp
	rd	%y, %l4
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (\level << 8), %l3
	wr	%l3, 0, %psr		! BUG: ET stays 0
	nop
	nop
	nop
	call	handler_\name
	 nop
	ld	[%sp + 96], %g1
	ld	[%sp + 100], %g2
	ld	[%sp + 104], %g3
	ld	[%sp + 108], %g4
	ld	[%sp + 112], %g5
	wr	%l4, 0, %y
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
	.endm
	IPLEMU_SOURCES STUB
