/*
 * The PR#20390 callout race on hppa (contract: kernel_snippets/RACE.md).
 *
 * Models NetBSD sys/kern/kern_timeout.c 1.7 softclock() (CALLOUT_LOCK(s)
 * = s = splsched(), splhigh here; CALLOUT_UNLOCK(s) = splx(s)), the two
 * fixes proposed on tech-kern in 2003, and a TCP timer as in
 * sys/netinet/tcp_timer.c 1.55 (which starts with s = splsoftnet()).
 * PA-RISC runtime: no arguments but ipl_le's (r26, r25), result in r28,
 * rp = r2; r3 (callee-saved) keeps s.  The stack grows upward: each
 * routine saves rp at -20(sp) of its caller's frame and r3 at the base of
 * its own 64-byte frame.  Every spl level comes from port.inc.
 */
	.include "port.inc"

	.equiv	PENDING, 2		; callout_flags values (sys/callout.h 1.18)
	.equiv	INVOKING, 8
	.equiv	FIRED, 4
	.equiv	CO_PENDING_BIT, 30	; the same bits as PA-RISC numbers them, from the MSB
	.equiv	CO_FIRED_BIT, 29
	.equiv	CO_INVOKING_BIT, 28

	.data
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.long	PENDING	; one due callout
callout_ipl:		.long	SPL_SOFTNET	; its registered IPL (fix 1: co_ipl)
owner_freed:		.long	0
owner_free_deferred:	.long	0
owner_refs:		.long	0
race_stale:		.long	0
race_refused:		.long	0
netinput_ack:		.long	0

	.text
	.macro	ENTER			; rp to the caller's frame, r3 to ours
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	.endm
	.macro	LEAVE			; return 0
	ldw	-84(%sp), %rp
	copy	%r0, %ret0
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
	.endm
	.macro	CALL_SPL routine, spl	; r3 = routine(spl)
	ldil	L%\spl, %arg0
	bl	\routine, %rp
	ldo	R%\spl(%arg0), %arg0
	copy	%ret0, %r3
	.endm
	.macro	UNLOCK			; splx(s)
	bl	splx, %rp
	copy	%r3, %arg0
	.endm

/* The timer's use of its owner (the tcpcb): stale if it was freed. */
	.macro	TOUCH_OWNER
	ldil	L%owner_freed, %r1
	ldw	R%owner_freed(%r1), %r19
	cmpib,=,n 0, %r19, 9f
	ldi	1, %r19
	ldil	L%race_stale, %r1
	stw	%r19, R%race_stale(%r1)
9:	ldil	L%owner_refs, %r1
	ldw	R%owner_refs(%r1), %r19
	ldo	1(%r19), %r19
	stw	%r19, R%owner_refs(%r1)
	.endm

/* int race_dispatch_none(void): kern_timeout.c 1.7 softclock(), one
   callout: lock, take it, CALLOUT_UNLOCK back to the entry level, call
   the handler, relock, unlock.  The window: unlock .. tcp_timer's splraise. */
	.globl	race_dispatch_none
race_dispatch_none:
	ENTER
	CALL_SPL splraise, SPL_HIGH	; CALLOUT_LOCK(s)
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19
	bb,>=,n	%r19, CO_PENDING_BIT, 1f
	depi	0, CO_PENDING_BIT, 1, %r19
	depi	1, CO_FIRED_BIT, 1, %r19
	stw	%r19, R%callout_flags(%r1)
	UNLOCK				; CALLOUT_UNLOCK(s): back to softclock
	bl	tcp_timer, %rp		; (*func)(arg)
	nop
	CALL_SPL splraise, SPL_HIGH	; CALLOUT_LOCK(s)
1:	UNLOCK				; CALLOUT_UNLOCK(s)
	LEAVE

/* int race_dispatch_spllower(void): fix 1 of the 2003 thread:
   s = splclock(); ...; spllower(co->co_ipl); (*func)(arg); splx(s);
   refusing a callout whose IPL is above the lock level (ipl_le). */
	.globl	race_dispatch_spllower
race_dispatch_spllower:
	ENTER
	CALL_SPL splraise, SPL_HIGH	; lock
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19
	bb,>=,n	%r19, CO_PENDING_BIT, 1f
	depi	0, CO_PENDING_BIT, 1, %r19
	depi	1, CO_FIRED_BIT, 1, %r19
	stw	%r19, R%callout_flags(%r1)
	ldil	L%callout_ipl, %r1
	ldw	R%callout_ipl(%r1), %arg0
	ldil	L%SPL_HIGH, %arg1
	bl	ipl_le, %rp		; ipl_le(co_ipl, lock level)
	ldo	R%SPL_HIGH(%arg1), %arg1
	cmpib,<>,n 0, %ret0, 2f
	ldi	1, %r19			; above the lock level: refuse it
	ldil	L%race_refused, %r1
	b	1f
	stw	%r19, R%race_refused(%r1)
2:	ldil	L%callout_ipl, %r1
	bl	spllower, %rp		; spllower(co->co_ipl)
	ldw	R%callout_ipl(%r1), %arg0
	bl	tcp_timer, %rp
	nop
1:	UNLOCK				; splx(s)
	LEAVE

/* int race_dispatch_ack(void): fix 2: callout_stop() tells network input
   that the handler is running (INVOKING); the handler acknowledges. */
	.globl	race_dispatch_ack
race_dispatch_ack:
	ENTER
	ldi	1, %r19
	ldil	L%netinput_ack, %r1
	stw	%r19, R%netinput_ack(%r1)
	CALL_SPL splraise, SPL_HIGH	; lock
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19
	bb,>=,n	%r19, CO_PENDING_BIT, 1f
	depi	0, CO_PENDING_BIT, 1, %r19
	depi	1, CO_FIRED_BIT, 1, %r19
	depi	1, CO_INVOKING_BIT, 1, %r19
	stw	%r19, R%callout_flags(%r1)
	UNLOCK				; unlock
	bl	tcp_timer_ack, %rp
	nop
	CALL_SPL splraise, SPL_HIGH	; lock
1:	UNLOCK				; unlock
	LEAVE

/* int tcp_timer(void): tcp_timer.c 1.55: s = splsoftnet(); use the
   owner; splx(s). */
	.globl	tcp_timer, race_touch
tcp_timer:
	ENTER
	CALL_SPL splraise, SPL_SOFTNET
race_touch:
	TOUCH_OWNER
	UNLOCK
	LEAVE

/* int tcp_timer_ack(void): the same, giving up if the callout was
   stopped meanwhile (INVOKING cleared), else callout_ack(). */
	.globl	tcp_timer_ack, race_touch_ack
tcp_timer_ack:
	ENTER
	CALL_SPL splraise, SPL_SOFTNET
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19
	bb,>=,n	%r19, CO_INVOKING_BIT, 1f
	depi	0, CO_INVOKING_BIT, 1, %r19
	stw	%r19, R%callout_flags(%r1)	; callout_ack()
race_touch_ack:
	TOUCH_OWNER
1:	UNLOCK
	LEAVE

/* handler_softnet: network input: count the run, callout_stop(), and free
   the owner unless the handler is running and will see the stop. */
	.globl	handler_softnet
handler_softnet:
	ldil	L%count_softnet, %r1
	ldw	R%count_softnet(%r1), %r19
	ldo	1(%r19), %r19
	stw	%r19, R%count_softnet(%r1)
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19	; was
	copy	%r19, %r20
	depi	0, CO_PENDING_BIT, 1, %r20
	stw	%r20, R%callout_flags(%r1)
	ldil	L%netinput_ack, %r1
	ldw	R%netinput_ack(%r1), %r21
	cmpib,=,n 0, %r21, 1f
	bb,>=,n	%r19, CO_INVOKING_BIT, 1f
	ldi	1, %r21
	ldil	L%owner_free_deferred, %r1
	bv	%r0(%rp)
	stw	%r21, R%owner_free_deferred(%r1)
1:	ldi	1, %r21
	ldil	L%owner_freed, %r1
	bv	%r0(%rp)
	stw	%r21, R%owner_freed(%r1)

/* int ipl_le(int a, int b): 1 when a blocks no more than b, (a & ~b) == 0
   (spl values are masks). */
	.globl	ipl_le
ipl_le:
	andcm	%arg0, %arg1, %r19
	cmpclr,<> %r19, %r0, %ret0	; ret0 = 0; a bit beyond b: keep it
	ldi	1, %ret0
	bv,n	%r0(%rp)
