| int spllower_chk(int s, int keepsoft): a second parameter added so that
| the soft-interrupt code can lower without going below IPL 1; assembly
| callers and old K&R callers push only s.
| BUG: keepsoft is read from the caller's frame (8(%sp)), never written by
| a one-argument caller: where that word happens to be >= 0 the routine
| stays at IPL 1 instead of going to IPL 0 (soft interrupts blocked).
	.include "port.inc"
	.text
	.globl	spllower_chk
spllower_chk:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	tst.l	8(%sp)			| keepsoft?
	bmi.s	1f			| "negative: not asked"
	cmp.w	#0x2100,%d1
	bcc.s	1f
	move.w	#0x2100,%d1		| not below the soft level
1:	move.w	%d1,%sr
	rts
