/*
 * The PR#20390 callout race on arm32 footbridge (contract:
 * kernel_snippets/RACE.md).
 *
 * Models NetBSD sys/kern/kern_timeout.c 1.7 softclock() (CALLOUT_LOCK(s)
 * = s = splsched(), splhigh here; CALLOUT_UNLOCK(s) = splx(s)), the two
 * fixes proposed on tech-kern in 2003, and a TCP timer as in
 * sys/netinet/tcp_timer.c 1.55 (s = splsoftnet()).  On footbridge
 * _splraise takes an IPL_* number and returns the previous
 * current_spl_level mask; splx takes such a mask.  callout_ipl holds the
 * callout's spl mask (SPL_SOFTNET, RACE.md), so fix 1's spllower to it is
 * splx(mask): footbridge_spllower(ipl) is splx(footbridge_imask[ipl]).
 * APCS: r0-r3/ip scratch, r4 kept.
 */
	.include "port.inc"

	.equ	CO_PENDING,  2			/* callout_flags bits */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4

	.data
	.align	2
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.word	CO_PENDING	/* one due callout */
callout_ipl:		.word	SPL_SOFTNET	/* its registered IPL (fix 1: co_ipl) */
owner_freed:		.word	0
owner_free_deferred:	.word	0
owner_refs:		.word	0
race_stale:		.word	0
race_refused:		.word	0
netinput_ack:		.word	0

	.text
/* The timer's use of its owner (the tcpcb): stale if it was freed. */
	.macro	TOUCH_OWNER
	ldr	r0, =owner_freed
	ldr	r0, [r0]
	cmp	r0, #0
	ldrne	r1, =race_stale
	movne	r0, #1
	strne	r0, [r1]
	ldr	r1, =owner_refs
	ldr	r0, [r1]
	add	r0, r0, #1
	str	r0, [r1]
	.endm

/* flags: clear PENDING, set \set (r0, r1 scratch) */
	.macro	TAKE_CALLOUT set
	ldr	r1, =callout_flags
	ldr	r0, [r1]
	bic	r0, r0, #CO_PENDING
	orr	r0, r0, #(\set)
	str	r0, [r1]
	.endm

/* Z clear when the callout is pending (r0, r1 scratch) */
	.macro	TEST_PENDING
	ldr	r1, =callout_flags
	ldr	r0, [r1]
	tst	r0, #CO_PENDING
	.endm

/* int race_dispatch_none(void): kern_timeout.c 1.7 softclock(), one
   callout: lock, take it, CALLOUT_UNLOCK back to the entry level, call
   the handler, relock, unlock.  The window: unlock .. tcp_timer's splraise. */
	.globl	race_dispatch_none
race_dispatch_none:
	stmfd	sp!, {r4, lr}
	mov	r0, #IPL_HIGH
	bl	_splraise			/* CALLOUT_LOCK(s) */
	mov	r4, r0				/* s */
	TEST_PENDING
	beq	1f
	TAKE_CALLOUT CO_FIRED
	mov	r0, r4
	bl	splx				/* CALLOUT_UNLOCK(s): back to softclock */
	bl	tcp_timer			/* (*func)(arg) */
	mov	r0, #IPL_HIGH
	bl	_splraise			/* CALLOUT_LOCK(s) */
	mov	r4, r0
1:	mov	r0, r4
	bl	splx				/* CALLOUT_UNLOCK(s) */
	mov	r0, #0
	ldmfd	sp!, {r4, pc}

/* int race_dispatch_spllower(void): fix 1 of the 2003 thread:
   s = splclock(); ...; spllower(co->co_ipl); (*func)(arg); splx(s);
   refusing a callout whose IPL is above the lock level (ipl_le). */
	.globl	race_dispatch_spllower
race_dispatch_spllower:
	stmfd	sp!, {r4, lr}
	mov	r0, #IPL_HIGH
	bl	_splraise			/* lock */
	mov	r4, r0				/* s */
	TEST_PENDING
	beq	1f
	TAKE_CALLOUT CO_FIRED
	ldr	r0, =callout_ipl
	ldr	r0, [r0]
	ldr	r1, =SPL_HIGH
	bl	ipl_le				/* co_ipl <= lock level? */
	cmp	r0, #0
	bne	2f
	ldr	r1, =race_refused		/* above the lock: refuse it */
	mov	r0, #1
	str	r0, [r1]
	b	1f
2:	ldr	r0, =callout_ipl
	ldr	r0, [r0]
	bl	splx				/* spllower(co_ipl): unlock only down to it */
	bl	tcp_timer
1:	mov	r0, r4
	bl	splx				/* back to the entry level */
	mov	r0, #0
	ldmfd	sp!, {r4, pc}

/* int race_dispatch_ack(void): fix 2: network input honours what
   callout_stop() returns; the dispatcher marks the callout INVOKING
   (NetBSD's later CALLOUT_INVOKING) and the handler acknowledges it. */
	.globl	race_dispatch_ack
race_dispatch_ack:
	stmfd	sp!, {r4, lr}
	ldr	r1, =netinput_ack
	mov	r0, #1
	str	r0, [r1]
	mov	r0, #IPL_HIGH
	bl	_splraise			/* CALLOUT_LOCK(s) */
	mov	r4, r0
	TEST_PENDING
	beq	1f
	TAKE_CALLOUT (CO_FIRED | CO_INVOKING)
	mov	r0, r4
	bl	splx				/* CALLOUT_UNLOCK(s) */
	bl	tcp_timer_ack
	mov	r0, #IPL_HIGH
	bl	_splraise			/* CALLOUT_LOCK(s) */
	mov	r4, r0
1:	mov	r0, r4
	bl	splx
	mov	r0, #0
	ldmfd	sp!, {r4, pc}

/* int tcp_timer(void): tcp_timer.c 1.55: s = splsoftnet(); use the
   tcpcb; splx(s). */
	.globl	tcp_timer, race_touch
tcp_timer:
	stmfd	sp!, {r4, lr}
	mov	r0, #IPL_SOFTNET
	bl	_splraise			/* s = splsoftnet() */
	mov	r4, r0
race_touch:
	TOUCH_OWNER
	mov	r0, r4
	bl	splx				/* splx(s) */
	mov	r0, #0
	ldmfd	sp!, {r4, pc}

/* int tcp_timer_ack(void): the same timer under fix 2: give up if the
   callout was stopped meanwhile (INVOKING clear), else callout_ack(). */
	.globl	tcp_timer_ack, race_touch_ack
tcp_timer_ack:
	stmfd	sp!, {r4, lr}
	mov	r0, #IPL_SOFTNET
	bl	_splraise			/* s = splsoftnet() */
	mov	r4, r0
	ldr	r1, =callout_flags
	ldr	r0, [r1]
	tst	r0, #CO_INVOKING
	beq	1f				/* stopped meanwhile */
	bic	r0, r0, #CO_INVOKING
	str	r0, [r1]			/* callout_ack() */
race_touch_ack:
	TOUCH_OWNER
1:	mov	r0, r4
	bl	splx				/* splx(s) */
	mov	r0, #0
	ldmfd	sp!, {r4, pc}

/* handler_softnet: network input (runs at IPL_SOFTNET from its stub):
   callout_stop() the timer, then free its owner, unless (fix 2) the
   handler is already invoking and will see the stop. */
	.globl	handler_softnet
handler_softnet:
	ldr	r1, =count_softnet
	ldr	r0, [r1]
	add	r0, r0, #1
	str	r0, [r1]
	ldr	r1, =callout_flags
	ldr	r2, [r1]			/* was = flags */
	bic	r0, r2, #CO_PENDING
	str	r0, [r1]			/* callout_stop() */
	ldr	r0, =netinput_ack
	ldr	r0, [r0]
	cmp	r0, #0
	beq	1f
	tst	r2, #CO_INVOKING
	beq	1f
	ldr	r1, =owner_free_deferred	/* the handler frees it later */
	mov	r0, #1
	str	r0, [r1]
	mov	pc, lr
1:	ldr	r1, =owner_freed
	mov	r0, #1
	str	r0, [r1]
	mov	pc, lr

/* int ipl_le(int a, int b): 1 if spl value a blocks no more than b.  On
   this mask port that is the subset test (a & ~b) == 0 (iplemu compare). */
	.globl	ipl_le
ipl_le:
	bics	r0, r0, r1
	movne	r0, #0
	moveq	r0, #1
	mov	pc, lr
