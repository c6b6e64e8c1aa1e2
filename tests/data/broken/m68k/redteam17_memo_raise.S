| splraise with a one-entry memo of the last argument: a repeat call
| "has already raised" and returns the current SR without writing it.
| BUG: splraise(X); splx(s); splraise(X) does not raise the second time.
| Correct on the first call of a freshly loaded kernel.
	.include "port.inc"
	.data
last_arg:	.word	0
	.text
	.globl	memo_raise
memo_raise:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	cmp.w	last_arg,%d1
	beq.s	1f
	move.w	%d1,last_arg
	move.l	%d0,%a0
	move.w	%d0,%d1
	andi.w	#0x0700,%d1
	move.w	6(%sp),%d0
	andi.w	#0x0700,%d0
	cmp.w	%d1,%d0
	bls.s	2f
	move.w	6(%sp),%sr
2:	move.l	%a0,%d0
1:	rts
