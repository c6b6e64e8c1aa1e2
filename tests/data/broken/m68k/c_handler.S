| interrupt_transparent, once handlers are C functions: a clock stub that
| saves only the registers its own handler touches (none), with a handler
| that changes no register.  A C handler may change d0, d1, a0 and a1 (the
| m68k SVR4 / GCC calling convention: call-clobbered).
	.include "port.inc"
	.text
	.globl	Xintr_clock_keeps_scratch
Xintr_clock_keeps_scratch:
	jsr	handler_clock		| WRONG: d0-d1/a0-a1 are not saved
	rte

	.globl	handler_clock
handler_clock:				| changes no register
	rts
