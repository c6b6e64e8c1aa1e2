! BROKEN (red team 20 B F8): the level-15 stub as iplemu shipped it until
! red team 21: it raises PIL to 15 and then sets ET, without clearing
! IE_ALLIE in the interrupt enable register first.  Level 15 is taken
! whatever PIL (SPARC V8 §7.3), and its request is still asserted: the
! memory error stays until software clears IE_ALLIE (NetBSD sparc intreg.h
! 1.7) and the handler has not run.  So once ET = 1 lands the CPU takes
! the same request again, enters this stub again, and so on without end.
! NetBSD's nmi_sun4 / nmi_sun4c clear IE_ALLIE "with traps off ... to
! prevent recursion" before `wr %l0, PSR_ET, %psr` (locore.s 1.222), as
! kernel_snippets/sparc/intr.S now does.  Only Xintr_nmi is replaced; the
! other stubs are the port's (.weak there).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 120

	.text
	.globl	Xintr_nmi
Xintr_nmi:
	rd	%psr, %l0
	sub	%fp, FRAME, %sp
	rd	%y, %l4
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (SRC_NMI_LEVEL << 8), %l3
	wr	%l3, 0, %psr		! PIL := 15, ET still 0
	wr	%l3, PSR_ET, %psr	! BUG: ET := 1 with the level-15 request still asserted
	nop
	nop
	nop
	call	handler_nmi
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
