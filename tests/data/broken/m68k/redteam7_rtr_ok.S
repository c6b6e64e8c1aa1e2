| red team 7: CORRECT clock stub that returns without rte (rtr): the
| interrupted code gets all its registers and CCR back.
	.include "port.inc"
	.text
	.globl	Xintr_clock
Xintr_clock:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_clock
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	move.l	2(%sp),4(%sp)
	move.w	(%sp),2(%sp)
	move.w	(%sp)+,%sr
	rtr
