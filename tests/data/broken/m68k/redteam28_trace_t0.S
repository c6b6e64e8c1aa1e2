| BROKEN (red team 28 C F1, held): as redteam28_trace.S with SR.T0 (trace
| on a change of flow, 68020 and later) across a branch: not traced by
| this model, no verdict (not modelled).
	.include "port.inc"
	.text
	.globl	rt_lower_t0
rt_lower_t0:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	ori.w	#0x4000,%d1
	move.w	%d1,%sr			| WRONG: T0 set
	bra.w	1f			| a change of flow: traced
1:	move.w	6(%sp),%sr
	rts
