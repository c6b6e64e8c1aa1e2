! interrupt_transparent, once handlers are C functions: the port's clock
! stub before it kept %y and %g1-%g5, with a handler that changes no
! register.  A C handler may change them (the ABI's caller-saves); the
! stub's window keeps only the interrupted code's %o, %l and %i apart.
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4
	.equ	PSTATE_INTR, 0x6
	.text
	.globl	Xintr_clock_keeps_scratch
Xintr_clock_keeps_scratch:
	save	%sp, -176, %sp
	rdpr	%tstate, %l0
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3
	wrpr	%g0, SRC_CLOCK_LEVEL, %pil
	wrpr	%g0, 0, %tl
	wrpr	%g0, PSTATE_INTR, %pstate
	call	handler_clock		! WRONG: %y and %g1-%g5 are not saved
	 nop
	wrpr	%g0, PSTATE_KERN, %pstate
	wrpr	%g0, 1, %tl
	wrpr	%l0, 0, %tstate
	wrpr	%l1, 0, %tpc
	wrpr	%l2, 0, %tnpc
	wrpr	%l3, 0, %pil
	restore
	retry

	.globl	handler_clock
handler_clock:				! changes no register
	retl
	 nop
