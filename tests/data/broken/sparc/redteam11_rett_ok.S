! The twin of redteam11_rett_nonops.S that holds: two nops and the jmp
! (which reads %l1 and no PSR field) between the PSR-restoring wr and the
! rett, so the rett is the fourth instruction after the wr (V8 B.29: the
! write has landed).  The port's stub has three nops before its jmp.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 120

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	rd	%psr, %l0		! the interrupted PSR (icc, PIL; ET=0 now)
	sub	%fp, FRAME, %sp		! a frame below the interrupted one
	rd	%y, %l4			! what a C handler may change: %y, %g1-%g5
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (\level << 8), %l3
	wr	%l3, 0, %psr		! PIL := level, ET still 0, then ET := 1 in a
	wr	%l3, PSR_ET, %psr	! second wr: one wr of both lets the clock's still
					! asserted request in at the old PIL (B.29)
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
	wr	%l0, 0, %psr		! interrupted PIL and icc back, ET := 0
	nop
	nop
	jmp	%l1			! the 3rd instruction: reads %l1, no PSR field
	 rett	%l2
	.endm

	.macro ONE name, bit, level, spl, vector
	.ifc \name,clock
	INTRSTUB \name, \bit, \level, \spl, \vector
	.endif
	.endm
	IPLEMU_SOURCES ONE
