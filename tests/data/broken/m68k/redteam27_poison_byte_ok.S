| CORRECT (plain style): spllower that takes the high byte of the SR image
| (S and the level) with move.b and shifts it into place with lsl.w #8 --
| bits 7:0 of the word written become 0.  Nothing undefined reaches SR
| or the result.  (Red team 27 C F1, a false fail: test_contract.py)
	.include "port.inc"
	.text
	.globl	rt_spllower_ok
rt_spllower_ok:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.b	6(%sp),%d1		| 0x2n
	lsl.w	#8,%d1			| 0x2n00
	move.w	%d1,%sr
	rts
