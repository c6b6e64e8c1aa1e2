| red team 30 I: _splraise keeping the old SR image in a static on the path
| of a "big" raise (three levels or more) from a level that already blocks
| softclock.  Called at IPL_SOFTNET (level 1) with splclock (0x2500) or
| splhigh: rt_old = 0x2100, then (before the SR write) a disk interrupt
| (level 2, unblocked) whose handler calls splhigh(): biodone() ->
| wakeup(), kern_synch.c 1.101 `s = splhigh()`; or callout_reset() in a
| network driver's handler, splsched = spl7.  That call (2 -> 7) takes the
| same path and leaves rt_old = 0x2200: the outer call returns 0x2200 and
| the caller's splx(s) leaves the CPU at level 2, not 1.
| The tool's device handlers only raise to their own IPL, and the clock's
| handler raises by 2 at most (5 -> 7).  Should fail: returns_previous.
	.include "port.inc"
	.data
rt_old:	.long	0
	.text
	.globl	rt_splraise_jmp
rt_splraise_jmp:
	moveq	#0,%d0
	move.w	%sr,%d0			| old SR image
	move.l	%d0,%d1
	andi.w	#0x0700,%d1		| current level << 8
	beq.s	3f			| level 0: the plain path
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1		| requested << 8
	sub.w	%a0,%d1
	cmp.w	#0x0300,%d1
	blt.s	3f			| less than three levels up: plain
	move.l	%d0,rt_old		| a big raise: remember the old SR
	move.w	6(%sp),%sr
	move.l	rt_old,%d0
	rts
3:	move.l	%d0,%d1			| plain NetBSD _splraise
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	rts
