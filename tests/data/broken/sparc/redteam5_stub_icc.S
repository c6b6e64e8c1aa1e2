! stub_icc_lost with a handler that writes icc (cmp): the same stub now fails on spllower
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 120
	.text
	.globl	Xintr_clock
Xintr_clock:
	rd	%psr, %l0		! the interrupted PSR (icc, PIL; ET=0 now)
	sub	%fp, FRAME, %sp		! a frame below the interrupted one
	rd	%y, %l4			! what a C handler may change: %y, %g1-%g5
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (SRC_CLOCK_LEVEL << 8), %l3
	wr	%l3, PSR_ET, %psr	! PIL := level, ET := 1 (XOR of a 0 bit)
	nop
	nop
	nop
	call	handler_clock
	 nop
	ld	[%sp + 96], %g1
	ld	[%sp + 100], %g2
	ld	[%sp + 104], %g3
	ld	[%sp + 108], %g4
	ld	[%sp + 112], %g5
	wr	%l4, 0, %y
	rd	%psr, %l5
	set	0xf00000, %l6
	and	%l5, %l6, %l5
	andn	%l0, %l6, %l0
	or	%l0, %l5, %l0
	wr	%l0, 0, %psr		! interrupted PIL and icc back, ET=0
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
! a handler that compares (as a C handler may: icc is scratch)
	.text
	.globl	handler_clock
handler_clock:
	sethi	%hi(count_clock), %o1
	ld	[%o1 + %lo(count_clock)], %o2
	cmp	%o2, 0
	retl
	 nop
