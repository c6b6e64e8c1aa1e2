| splraise that also masks a line at the MVME147 PCC (its interrupt
| control registers at 0xfffe1000: a device register, as NetBSD mvme68k's
| pcc driver writes them)
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	move.l	%d0,%a0
	move.w	%d0,%a1
	move.w	%a1,%d0
	andi.w	#0x0700,%d0
	cmp.w	%d0,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	move.b	#0,0xfffe1018		| a PCC interrupt control register
	move.l	%a0,%d0
	rts
