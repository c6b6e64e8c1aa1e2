| BROKEN: spllower that "saves" the caller's a1 in ISP (movec %a1,%isp)
| and restores nothing: on a 68030 with SR.M = 0 the ISP *is* the active
| A7, so the stack pointer becomes a1's garbage and the rts pops from
| there.  Expected: no_fault / preserves.
	.include "port.inc"
	.text
	.globl	rt_lower_isp
rt_lower_isp:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	movec	%a1,%isp		| WRONG: A7 := a1 (M = 0)
	move.w	%d1,%sr
	rts
