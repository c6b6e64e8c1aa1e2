	.include "port.inc"
| broken: the clock stub clobbers fp0 and fpsr of the interrupted code
	.text
	.globl	Xintr_clock
Xintr_clock:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	fmove.l	#5,%fp0
	jsr	handler_clock
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
