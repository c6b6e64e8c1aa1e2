| red team 20 B: an splraise that keeps the old SR in a static temporary,
| but only on its path for targets below IPL_HIGH; splhigh-like calls
| (level 7) take a fast path with no static.  The engine's handlers
| re-enter the routine only as raise(IPL_HIGH) (emu/reenter.py
| REENTER_IPL), so the static is never overwritten in the cases explored.
| NetBSD handlers call the lower spl levels too: a soft network interrupt
| (ipintr) does s = splnet(); IF_DEQUEUE(...); splx(s), callouts run from
| softclock call splbio()/splnet()/spltty() (kern_clock.c softclock).  A
| softclock or softnet handler interrupting an outer splnet() between its
| store and its reload overwrites the temporary with its own old level:
| the outer call returns the handler's level (1) instead of its caller's
| (0), and the caller's splx(s) leaves the priority at 1.
|
| Held (red team 20 B F6); now the handlers also call it with their own IPL
| and the next target above (emu/reenter.py raise_targets): softclock's
| raise(IPL_SOFTCLOCK) overwrites the static, returns_previous fails.
	.include "port.inc"
	.data
	.even
tmp:	.word	0
	.text
	.globl	rt_raise_tmp
rt_raise_tmp:
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmpi.w	#0x0700,%d1
	bne.s	2f
	moveq	#0,%d0			| fast path (splhigh): no static
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
2:	move.w	%sr,tmp			| BUG: a static temporary
	move.w	tmp,%d0
	andi.w	#0x0700,%d0
	cmp.w	%d0,%d1
	bls.s	3f			| requested <= current: leave SR alone
	move.w	6(%sp),%sr
3:	moveq	#0,%d0
	move.w	tmp,%d0			| the old SR (or a re-entered call's)
	rts
