| CORRECT twin of redteam39_splx_word.S and _long.S (red team 39 B): the
| level field alone decides (andi.w #0x0700), as the shipped splx does.
	.include "port.inc"
	.text
	.globl	rt_splx
rt_splx:
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	beq.s	1f
	move.w	6(%sp),%sr
	rts
1:	jsr	softintr_drain
	move.w	6(%sp),%sr
	rts
