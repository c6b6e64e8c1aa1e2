| Deliberately broken PR#20390 dispatchers for m68k (test data), linked
| with kernel_snippets/m68k/race.S, whose symbols they use.  On i386 each
| lets `race_stale` become 1; here softclock and softnet share level 1,
| so even these cannot open the window.
	.include "port.inc"

	.equ	CO_PENDING,  2		| as in race.S
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4

	.macro	SPLCALL routine, arg
	move.l	\arg,-(%sp)
	jsr	\routine
	addq.l	#4,%sp
	.endm

	.text
| Fix 1 done wrong: race_dispatch_spllower, but it unlocks with splx(s),
| back to the entry level, instead of spllower(callout_ipl).
	.globl	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
	move.l	%d2,-(%sp)
	SPLCALL	splraise, #SPL_HIGH	| lock
	move.l	%d0,%d2			| s
	moveq	#CO_PENDING,%d0
	and.l	callout_flags,%d0
	beq.s	1f
	andi.l	#~CO_PENDING,callout_flags
	ori.l	#CO_FIRED,callout_flags
	move.l	#SPL_HIGH,-(%sp)
	move.l	callout_ipl,-(%sp)
	jsr	ipl_le
	addq.l	#8,%sp
	tst.l	%d0
	bne.s	2f
	move.l	#1,race_refused
	bra.s	1f
2:	SPLCALL	splx, %d2		| WRONG: should be spllower(callout_ipl)
	jsr	tcp_timer
1:	SPLCALL	splx, %d2
	move.l	(%sp)+,%d2
	moveq	#0,%d0
	rts

| Fix 2 without the check: race_dispatch_ack, but network input ignores
| what callout_stop() returns (netinput_ack = 0).
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	move.l	%d2,-(%sp)
	clr.l	netinput_ack		| WRONG: callout_stop()'s answer ignored
	SPLCALL	splraise, #SPL_HIGH
	move.l	%d0,%d2
	moveq	#CO_PENDING,%d0
	and.l	callout_flags,%d0
	beq.s	1f
	andi.l	#~CO_PENDING,callout_flags
	ori.l	#(CO_FIRED + CO_INVOKING),callout_flags
	SPLCALL	splx, %d2
	jsr	tcp_timer_ack
	SPLCALL	splraise, #SPL_HIGH
	move.l	%d0,%d2
1:	SPLCALL	splx, %d2
	move.l	(%sp)+,%d2
	moveq	#0,%d0
	rts
