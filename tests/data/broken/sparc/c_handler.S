! interrupt_transparent, once handlers are C functions: the port's clock
! stub before it kept %y and %g1-%g5, with a handler that changes no
! register.  A C handler may change them (the ABI's caller-saves); the trap
! window keeps only the interrupted code's %o, %l and %i registers apart.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.text
	.globl	Xintr_clock_keeps_scratch
Xintr_clock_keeps_scratch:
	rd	%psr, %l0
	sub	%fp, 96, %sp
	andn	%l0, PSR_PIL, %l3
	or	%l3, (SRC_CLOCK_LEVEL << 8), %l3
	wr	%l3, PSR_ET, %psr
	nop
	nop
	nop
	call	handler_clock		! WRONG: %y and %g1-%g5 are not saved
	 nop
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2

	.globl	handler_clock
handler_clock:				! changes no register
	retl
	 nop
