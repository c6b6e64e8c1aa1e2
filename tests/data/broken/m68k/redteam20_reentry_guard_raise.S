| red team 20 B: an splraise with a static re-entrancy guard.  A call made
| while another call is inside the guard -- from an interrupt handler that
| does s = splhigh(); ...; splx(s) as every NetBSD driver does (the
| engine's clock and softclock handlers, emu/reenter.py) -- returns the
| old SR image but does not raise: the handler's "critical section" runs at
| its own level, open to every higher interrupt.  The outer call is right.
|
| Held (red team 20 B F2): a re-entered call's own outcome was not judged;
| now a call from the own data the outer call has inside its guard, from a
| handler's priority (check.py note_inside), fails exact.
	.include "port.inc"
	.data
rbusy:	.byte	0
	.even
	.text
	.globl	rt_raise_guard
rt_raise_guard:
	moveq	#0,%d0
	move.w	%sr,%d0			| old SR image, returned
	tst.b	rbusy
	bne.s	1f			| BUG: re-entered: do not raise
	move.b	#1,rbusy
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	2f
	move.w	6(%sp),%sr
2:	clr.b	rbusy
1:	rts
