| CORRECT (unusual style): spllower loading the high byte of the SR image
| with move.b and rotating it into place with ror.w #8: the low byte of
| the word written (the CCR and bits 7:5, which read as 0) gets whatever
| %d1 held -- the CCR is scratch, bits 7:5 are unimplemented.
	.include "port.inc"
	.text
	.globl	rt_spllower_ok
rt_spllower_ok:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.b	6(%sp),%d1		| 0x2n: S and the level
	ror.w	#8,%d1			| -> 0x2n in bits 15:8, junk in 7:0
	move.w	%d1,%sr
	rts
