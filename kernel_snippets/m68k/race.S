| The PR#20390 callout race on m68k (contract: kernel_snippets/RACE.md).
|
| Models NetBSD sys/kern/kern_timeout.c 1.7 softclock() (CALLOUT_LOCK(s)
| = s = splsched(), splhigh here; CALLOUT_UNLOCK(s) = splx(s)), the two
| fixes proposed on tech-kern in 2003, and a TCP timer as in
| sys/netinet/tcp_timer.c 1.55 (which starts with s = splsoftnet()).
| ABI: arguments on the stack, result in %d0; %d0-%d1/%a0-%a1 scratch,
| %d2 (which holds s) is saved.  Every spl level comes from port.inc
| (archs/m68k.yaml).  softclock and softnet share level 1 here, so the
| window of race_dispatch_none is expected to stay closed.
	.include "port.inc"

	.equ	CO_PENDING,  2		| callout_flags bits
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4
	.equ	PSL_IPL, 0x0700		| priority field of an spl value (spl_bits 10:8)

	.data
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.long	CO_PENDING	| one due callout
callout_ipl:		.long	SPL_SOFTNET	| its registered IPL (fix 1: co_ipl)
owner_freed:		.long	0
owner_free_deferred:	.long	0
owner_refs:		.long	0
race_stale:		.long	0
race_refused:		.long	0
netinput_ack:		.long	0

	.text
| The timer's use of its owner (the tcpcb): stale if it was freed.
	.macro	TOUCH_OWNER
	tst.l	owner_freed
	beq.s	9f
	move.l	#1,race_stale
9:	addq.l	#1,owner_refs
	.endm

| Call an spl routine with one argument; the old value comes back in %d0.
	.macro	SPLCALL routine, arg
	move.l	\arg,-(%sp)
	jsr	\routine
	addq.l	#4,%sp
	.endm

| int race_dispatch_none(void): kern_timeout.c 1.7 softclock(), one
| callout: lock, take it, CALLOUT_UNLOCK back to the entry level, call
| the handler, relock, unlock.  The window: unlock .. tcp_timer's splraise.
	.globl	race_dispatch_none
race_dispatch_none:
	move.l	%d2,-(%sp)
	SPLCALL	splraise, #SPL_HIGH	| CALLOUT_LOCK(s)
	move.l	%d0,%d2			| s
	moveq	#CO_PENDING,%d0
	and.l	callout_flags,%d0
	beq.s	1f
	andi.l	#~CO_PENDING,callout_flags
	ori.l	#CO_FIRED,callout_flags
	SPLCALL	splx, %d2		| CALLOUT_UNLOCK(s): back to softclock
	jsr	tcp_timer		| (*func)(arg)
	SPLCALL	splraise, #SPL_HIGH	| CALLOUT_LOCK(s)
	move.l	%d0,%d2
1:	SPLCALL	splx, %d2		| CALLOUT_UNLOCK(s)
	move.l	(%sp)+,%d2
	moveq	#0,%d0
	rts

| int race_dispatch_spllower(void): fix 1 of the 2003 thread:
| s = splclock(); ...; spllower(co->co_ipl); (*func)(arg); splx(s);
| refusing a callout whose IPL is above the lock level (ipl_le).
	.globl	race_dispatch_spllower
race_dispatch_spllower:
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
	jsr	ipl_le			| co_ipl <= lock level?
	addq.l	#8,%sp
	tst.l	%d0
	bne.s	2f
	move.l	#1,race_refused		| above the lock: refuse it
	bra.s	1f
2:	SPLCALL	spllower, callout_ipl	| unlock only down to co_ipl
	jsr	tcp_timer
1:	SPLCALL	splx, %d2		| back to the entry level
	move.l	(%sp)+,%d2
	moveq	#0,%d0
	rts

| int race_dispatch_ack(void): fix 2: network input honours what
| callout_stop() returns; the dispatcher marks the callout INVOKING
| (NetBSD's later CALLOUT_INVOKING) and the handler acknowledges it.
	.globl	race_dispatch_ack
race_dispatch_ack:
	move.l	%d2,-(%sp)
	move.l	#1,netinput_ack
	SPLCALL	splraise, #SPL_HIGH	| CALLOUT_LOCK(s)
	move.l	%d0,%d2
	moveq	#CO_PENDING,%d0
	and.l	callout_flags,%d0
	beq.s	1f
	andi.l	#~CO_PENDING,callout_flags
	ori.l	#(CO_FIRED + CO_INVOKING),callout_flags
	SPLCALL	splx, %d2		| CALLOUT_UNLOCK(s)
	jsr	tcp_timer_ack
	SPLCALL	splraise, #SPL_HIGH	| CALLOUT_LOCK(s)
	move.l	%d0,%d2
1:	SPLCALL	splx, %d2
	move.l	(%sp)+,%d2
	moveq	#0,%d0
	rts

| int tcp_timer(void): tcp_timer.c 1.55: s = splsoftnet(); use the
| tcpcb; splx(s).  s stays in the argument slot splx takes.
	.globl	tcp_timer, race_touch
tcp_timer:
	move.l	#SPL_SOFTNET,-(%sp)
	jsr	splraise		| s = splsoftnet()
	move.l	%d0,(%sp)
race_touch:
	TOUCH_OWNER
	jsr	splx			| splx(s)
	addq.l	#4,%sp
	moveq	#0,%d0
	rts

| int tcp_timer_ack(void): the same timer under fix 2: give up if the
| callout was stopped meanwhile (INVOKING clear), else callout_ack().
	.globl	tcp_timer_ack, race_touch_ack
tcp_timer_ack:
	move.l	#SPL_SOFTNET,-(%sp)
	jsr	splraise		| s = splsoftnet()
	move.l	%d0,(%sp)
	moveq	#CO_INVOKING,%d0
	and.l	callout_flags,%d0
	beq.s	1f			| stopped meanwhile
	andi.l	#~CO_INVOKING,callout_flags	| callout_ack()
race_touch_ack:
	TOUCH_OWNER
1:	jsr	splx			| splx(s)
	addq.l	#4,%sp
	moveq	#0,%d0
	rts

| handler_softnet: network input (runs at level 1 from softintr_drain,
| a callee that may use the scratch registers): callout_stop() the timer, then free its
| owner, unless (fix 2) the handler is already invoking and will see it.
	.globl	handler_softnet
handler_softnet:
	addq.l	#1,count_softnet
	move.l	callout_flags,%d0	| was = flags
	andi.l	#~CO_PENDING,callout_flags	| callout_stop()
	tst.l	netinput_ack
	beq.s	1f
	andi.l	#CO_INVOKING,%d0		| was & CO_INVOKING
	beq.s	1f
	move.l	#1,owner_free_deferred	| the handler frees it later
	rts
1:	move.l	#1,owner_freed
	rts

| int ipl_le(int a, int b): 1 if spl value a is at or below b.  On this
| level port that is a numeric compare of the SR.I field (iplemu compare).
	.globl	ipl_le
ipl_le:
	move.l	4(%sp),%d0
	andi.l	#PSL_IPL,%d0		| a's level << 8
	move.l	8(%sp),%d1
	andi.l	#PSL_IPL,%d1		| b's level << 8
	cmp.l	%d0,%d1
	bcs.s	1f			| b < a: a is above b
	moveq	#1,%d0
	rts
1:	moveq	#0,%d0
	rts
