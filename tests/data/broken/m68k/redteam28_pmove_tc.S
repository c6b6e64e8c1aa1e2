| BROKEN: spllower that also turns the MMU off (PMOVE to TC of 0: E = 0):
| the kernel's virtual addresses are physical from the next access on.
| Expected: no verdict (not modelled).
	.include "port.inc"
	.text
	.globl	rt_lower_tc
rt_lower_tc:
	clr.l	-(%sp)
	pmove	(%sp),%tc		| WRONG: translation off
	addq.l	#4,%sp
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
