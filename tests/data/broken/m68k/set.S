| Deliberately broken m68k `set` routines (test data).
	.include "port.inc"
	.text

| spl0 written as a raise: it never lowers, so from any level above 0 it
| stays there (exact).
	.globl	spl0_raise
spl0_raise:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	bne.s	1f			| a level is set: "not lower", left alone
	move.w	#SPL_NONE,%sr
1:	rts

| splhigh that writes the serial level, below the clock's (exact).
	.globl	splhigh_noclock
splhigh_noclock:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	#SPL_SERIAL,%sr
	rts
