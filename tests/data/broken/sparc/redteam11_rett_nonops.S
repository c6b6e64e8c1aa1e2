! red team 11 (held): SPARC V8 B.29: "If any of the three instructions
! that follow a WRPSR uses any of the PSR fields that WRPSR modified, the
! value of those fields is unpredictable."  The clock stub's PSR-restoring
! wr clears ET (the handler ran with ET = 1), and its rett, which reads ET
! (with ET = 1 it is an illegal_instruction trap, B.26), S, PS and CWP, is
! the third instruction after it: one nop, then jmp; rett.  The model
! applied ET at once, so the rett always saw ET = 0 and every property
! held; now an instruction using an unsettled field is a fault (no_fault).
! The twin with the rett one instruction later holds: redteam11_rett_ok.S.
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
	jmp	%l1
	 rett	%l2			! WRONG: the 3rd instruction after the wr reads ET
	.endm

	.macro ONE name, bit, level, spl, vector
	.ifc \name,clock
	INTRSTUB \name, \bit, \level, \spl, \vector
	.endif
	.endm
	IPLEMU_SOURCES ONE
