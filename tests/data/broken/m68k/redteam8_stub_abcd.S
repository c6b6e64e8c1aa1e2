| red team 8: the ether stub branches on V after ABCD (M68000 PRM §4 ABCD:
| "V - Undefined") and bumps the interrupted code's d2 on one side: a path
| only an interrupt leads to.  BROKEN (interrupt_transparent, preserves).
	.include "port.inc"
	.text
	.globl	Xintr_ether
Xintr_ether:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_ether
	move.w	#0,%ccr
	moveq	#5,%d1
	abcd	%d1,%d1
	bvs.s	1f			| WRONG
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
1:	addq.l	#1,%d2
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
