| red team 30 I: splx(s) that, on a drop of three levels or more to a
| device level (2..6), keeps s in a static and moves it to SR a second
| time from there (after "letting pending interrupts in").  Called at
| IPL_HIGH (7) with splx(0x2200): rt_new = 0x2200, SR level 2; the ether
| interrupt (level 3) is taken and its handler does s = splhigh(); ...;
| splx(s) (wakeup(), kern_synch.c `s = splhigh()`, from leintr ->
| ether_input... or callout_reset's splsched): 7 -> 3 takes the same
| path and leaves rt_new = 0x2300.  The outer call's second move then
| leaves SR at level 3: ether and the disk stay blocked after splx(BIO).
| The tool's device handlers only raise to their own IPL (no drop), the
| clock's drops are 7 -> 5, softclock's end at level 1.
| Should fail: exact.
	.include "port.inc"
	.data
rt_new:	.long	0
	.text
	.globl	rt_splx_drop
rt_splx_drop:
	move.w	%sr,%d0
	andi.w	#0x0700,%d0		| current << 8
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1		| new << 8
	cmp.w	#0x0200,%d1
	blt.s	2f			| to level 0/1: plain
	sub.w	%d1,%d0
	cmp.w	#0x0300,%d0
	blt.s	2f			| a drop of less than 3: plain
	move.w	6(%sp),%d1
	move.l	%d1,rt_new
	move.w	%d1,%sr			| let pending interrupts in
	move.l	rt_new,%d1
	move.w	%d1,%sr			| and again, to be sure
	rts
2:	move.w	6(%sp),%sr
	rts
