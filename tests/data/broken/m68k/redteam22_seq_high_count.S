| red team 22 a: the m68k twin of i386_seq_high_count.S: a splraise whose
| own byte counts raises to spl7 (0x2700) only, and which, on a raise to
| another level when that count is 5, returns the new SR image instead
| of the old one.  Five splhigh()s, then one splbio(): ordinary.
	.include "port.inc"
	.data
rt_highs:	.byte	0
	.even
	.text
	.globl	rt_raise_seq
rt_raise_seq:
	moveq	#0,%d0
	move.w	%sr,%d0			| old SR image
	move.w	6(%sp),%d1
	cmp.w	#0x2700,%d1
	bne.s	2f
	move.b	rt_highs,%d1		| a raise to spl7: count it
	addq.b	#1,%d1
	andi.b	#7,%d1
	move.b	%d1,rt_highs
	bra.s	3f
2:	cmpi.b	#5,rt_highs
	bne.s	3f
	move.w	6(%sp),%d0		| BUG: returns the new SR image
3:	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	rts
