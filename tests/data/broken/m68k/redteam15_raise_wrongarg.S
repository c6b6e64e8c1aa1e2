| BROKEN: "splraise(0) is a no-op" shortcut that tests %d1 (scratch,
| undefined at the call) instead of the argument word at 6(%sp).
| Truth: defined_only should fail.
	.include "port.inc"
	.text
	.globl	rt_raise_wrongarg
rt_raise_wrongarg:
	moveq	#0,%d0
	move.w	%sr,%d0
	tst.l	%d1			| BUG: meant 4(%sp)
	beq.s	1f
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	rts
