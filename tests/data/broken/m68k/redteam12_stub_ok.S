	.include "port.inc"
| correct twin of redteam12_stub_fp.S: the clock stub uses no FPU register
	.text
	.globl	Xintr_clock
Xintr_clock:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_clock
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
