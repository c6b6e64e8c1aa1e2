| Deliberately broken m68k spl routines and stubs (test data).
	.include "port.inc"
	.text

| splraise that lowers: writes the SR image whatever the current level.
	.globl	splraise_lowers
splraise_lowers:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts

| splx that restores the wrong field: takes the level from bits 11:9
| (shifted by one) instead of 10:8.
	.globl	splx_wrong
splx_wrong:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	lsr.w	#1,%d1
	andi.w	#0x0700,%d1
	ori.w	#0x2000,%d1
	move.w	%d1,%sr
	rts

| spllower that lowers one level too far (to level - 1).
	.globl	spllower_loses
spllower_loses:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	beq.s	1f
	subi.w	#0x0100,%d1
1:	ori.w	#0x2000,%d1
	move.w	%d1,%sr
	rts

| A clock stub that clears the interrupted level in its frame: rte then
| returns to level 0 instead of the interrupted one.
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_clock
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	andi.w	#0xf8ff,(%sp)
	rte
