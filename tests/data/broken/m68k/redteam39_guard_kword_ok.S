| Correct twin of redteam39_guard_kword.S (red team 39 F): the busy byte
| in the low byte of count_abort (a word of the kernel's data) as there,
| but the re-entered path writes SR too.
	.include "port.inc"
	.text
	.globl	rt_lower_guard
rt_lower_guard:
	tst.b	count_abort+3
	bne.s	2f
	move.b	#1,count_abort+3
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	clr.b	count_abort+3
	rts
2:	moveq	#0,%d0			| re-entered: the same write, no guard work
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
