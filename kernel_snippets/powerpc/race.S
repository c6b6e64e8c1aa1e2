/*
 * The PR#20390 callout race on powerpc (contract: kernel_snippets/RACE.md).
 *
 * Models NetBSD sys/kern/kern_timeout.c 1.7 softclock() (CALLOUT_LOCK(s)
 * = s = splsched(), splhigh here; CALLOUT_UNLOCK(s) = splx(s)), the two
 * fixes proposed on tech-kern in 2003, and a TCP timer as in
 * sys/netinet/tcp_timer.c 1.55 (which starts with s = splsoftnet()).
 * SVR4 PowerPC ABI: arguments in r3, r4, result in r3, return address in
 * LR; s is kept in r31, saved in each routine's 16-byte frame together
 * with LR (at 20(r1), the caller's LR save word).
 * Every spl level comes from port.inc (archs/powerpc.yaml).
 */
	.include "port.inc"

	.equ	CO_PENDING,  2		/* callout_flags bits */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4

	.data
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.long	CO_PENDING	/* one due callout */
callout_ipl:		.long	SPL_SOFTNET	/* its registered IPL (fix 1: co_ipl) */
owner_freed:		.long	0
owner_free_deferred:	.long	0
owner_refs:		.long	0
race_stale:		.long	0
race_refused:		.long	0
netinput_ack:		.long	0

	.text
/* Frame: save LR and r31, the routine's s. */
	.macro	ENTER
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r31, 12(r1)
	.endm

	.macro	LEAVE_0			/* return 0 */
	li	r3, 0
	lwz	r31, 12(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
	.endm

/* r3 := the spl constant \value */
	.macro	LOADSPL value
	lis	r3, \value@h
	ori	r3, r3, \value@l
	.endm

/* callout_flags: r10 = its address's high half; r11 = flags */
	.macro	FLAGS_LOAD
	lis	r10, callout_flags@ha
	lwz	r11, callout_flags@l(r10)
	.endm

/* The timer's use of its owner (the tcpcb): stale if it was freed. */
	.macro	TOUCH_OWNER
	lis	r10, owner_freed@ha
	lwz	r11, owner_freed@l(r10)
	cmpwi	r11, 0
	beq	9f
	li	r11, 1
	lis	r10, race_stale@ha
	stw	r11, race_stale@l(r10)
9:	lis	r10, owner_refs@ha
	lwz	r11, owner_refs@l(r10)
	addi	r11, r11, 1
	stw	r11, owner_refs@l(r10)
	.endm

/* int race_dispatch_none(void): kern_timeout.c 1.7 softclock(), one
   callout: lock, take it, CALLOUT_UNLOCK back to the entry level, call
   the handler, relock, unlock.  The window: unlock .. tcp_timer's splraise. */
	.globl	race_dispatch_none
race_dispatch_none:
	ENTER
	LOADSPL	SPL_HIGH
	bl	splraise		/* CALLOUT_LOCK(s) */
	mr	r31, r3			/* s */
	FLAGS_LOAD
	andi.	r12, r11, CO_PENDING
	beq	1f
	rlwinm	r11, r11, 0, 31, 29	/* ~CO_PENDING */
	ori	r11, r11, CO_FIRED
	stw	r11, callout_flags@l(r10)
	mr	r3, r31
	bl	splx			/* CALLOUT_UNLOCK(s): back to softclock */
	bl	tcp_timer		/* (*func)(arg) */
	LOADSPL	SPL_HIGH
	bl	splraise		/* CALLOUT_LOCK(s) */
	mr	r31, r3
1:	mr	r3, r31
	bl	splx			/* CALLOUT_UNLOCK(s) */
	LEAVE_0

/* int race_dispatch_spllower(void): fix 1 of the 2003 thread:
   s = splclock(); ...; spllower(co->co_ipl); (*func)(arg); splx(s);
   refusing a callout whose IPL is above the lock level (ipl_le). */
	.globl	race_dispatch_spllower
race_dispatch_spllower:
	ENTER
	LOADSPL	SPL_HIGH
	bl	splraise		/* lock */
	mr	r31, r3			/* s */
	FLAGS_LOAD
	andi.	r12, r11, CO_PENDING
	beq	1f
	rlwinm	r11, r11, 0, 31, 29
	ori	r11, r11, CO_FIRED
	stw	r11, callout_flags@l(r10)
	lis	r10, callout_ipl@ha
	lwz	r3, callout_ipl@l(r10)
	lis	r4, SPL_HIGH@h
	ori	r4, r4, SPL_HIGH@l
	bl	ipl_le			/* co_ipl <= lock level? */
	cmpwi	r3, 0
	bne	2f
	li	r11, 1			/* above the lock: refuse it */
	lis	r10, race_refused@ha
	stw	r11, race_refused@l(r10)
	b	1f
2:	lis	r10, callout_ipl@ha
	lwz	r3, callout_ipl@l(r10)
	bl	spllower		/* unlock only down to co_ipl */
	bl	tcp_timer
1:	mr	r3, r31
	bl	splx			/* back to the entry level */
	LEAVE_0

/* int race_dispatch_ack(void): fix 2: network input honours what
   callout_stop() returns; the dispatcher marks the callout INVOKING
   (NetBSD's later CALLOUT_INVOKING) and the handler acknowledges it. */
	.globl	race_dispatch_ack
race_dispatch_ack:
	ENTER
	li	r11, 1
	lis	r10, netinput_ack@ha
	stw	r11, netinput_ack@l(r10)
	LOADSPL	SPL_HIGH
	bl	splraise		/* CALLOUT_LOCK(s) */
	mr	r31, r3
	FLAGS_LOAD
	andi.	r12, r11, CO_PENDING
	beq	1f
	rlwinm	r11, r11, 0, 31, 29
	ori	r11, r11, CO_FIRED | CO_INVOKING
	stw	r11, callout_flags@l(r10)
	mr	r3, r31
	bl	splx			/* CALLOUT_UNLOCK(s) */
	bl	tcp_timer_ack
	LOADSPL	SPL_HIGH
	bl	splraise		/* CALLOUT_LOCK(s) */
	mr	r31, r3
1:	mr	r3, r31
	bl	splx
	LEAVE_0

/* int tcp_timer(void): tcp_timer.c 1.55: s = splsoftnet(); use the
   tcpcb; splx(s). */
	.globl	tcp_timer, race_touch
tcp_timer:
	ENTER
	LOADSPL	SPL_SOFTNET
	bl	splraise		/* s = splsoftnet() */
	mr	r31, r3
race_touch:
	TOUCH_OWNER
	mr	r3, r31
	bl	splx			/* splx(s) */
	LEAVE_0

/* int tcp_timer_ack(void): the same timer under fix 2: give up if the
   callout was stopped meanwhile (INVOKING clear), else callout_ack(). */
	.globl	tcp_timer_ack, race_touch_ack
tcp_timer_ack:
	ENTER
	LOADSPL	SPL_SOFTNET
	bl	splraise		/* s = splsoftnet() */
	mr	r31, r3
	FLAGS_LOAD
	andi.	r12, r11, CO_INVOKING
	beq	1f			/* stopped meanwhile */
	rlwinm	r11, r11, 0, 29, 27	/* ~CO_INVOKING: callout_ack() */
	stw	r11, callout_flags@l(r10)
race_touch_ack:
	TOUCH_OWNER
1:	mr	r3, r31
	bl	splx			/* splx(s) */
	LEAVE_0

/* handler_softnet: network input (runs at IPL_SOFTNET from its stub):
   callout_stop() the timer, then free its owner, unless (fix 2) the
   handler is already invoking and will see the stop. */
	.globl	handler_softnet
handler_softnet:
	lis	r10, count_softnet@ha
	lwz	r11, count_softnet@l(r10)
	addi	r11, r11, 1
	stw	r11, count_softnet@l(r10)
	FLAGS_LOAD			/* was = flags (r11) */
	rlwinm	r12, r11, 0, 31, 29
	stw	r12, callout_flags@l(r10)	/* callout_stop() */
	lis	r10, netinput_ack@ha
	lwz	r12, netinput_ack@l(r10)
	cmpwi	r12, 0
	beq	1f
	andi.	r12, r11, CO_INVOKING
	beq	1f
	li	r12, 1
	lis	r10, owner_free_deferred@ha
	stw	r12, owner_free_deferred@l(r10)	/* the handler frees it later */
	blr
1:	li	r12, 1
	lis	r10, owner_freed@ha
	stw	r12, owner_freed@l(r10)
	blr

/* int ipl_le(int a, int b): 1 if spl value a blocks no more than b.  On
   this mask port that is the subset test (a & ~b) == 0 (iplemu compare). */
	.globl	ipl_le
ipl_le:
	andc.	r5, r3, r4
	li	r3, 0
	bne	1f
	li	r3, 1
1:	blr
