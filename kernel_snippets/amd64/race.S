/*
 * The PR#20390 callout race on amd64 (contract: kernel_snippets/RACE.md).
 *
 * Models NetBSD sys/kern/kern_timeout.c 1.7 softclock() (CALLOUT_LOCK(s)
 * = s = splsched(), splhigh here; CALLOUT_UNLOCK(s) = splx(s)), the two
 * fixes proposed on tech-kern in 2003, and a TCP timer as in
 * sys/netinet/tcp_timer.c 1.55 (which starts with s = splsoftnet()).
 * SysV AMD64 ABI: arguments in %edi, %esi, result in %eax; %rbx kept
 * (pushed, which also keeps the stack 16-byte aligned at each call).
 * Every spl level comes from port.inc (archs/amd64.yaml).
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
/* The timer's use of its owner (the tcpcb): stale if it was freed. */
	.macro	TOUCH_OWNER
	cmpl	$0, owner_freed(%rip)
	je	9f
	movl	$1, race_stale(%rip)
9:	incl	owner_refs(%rip)
	.endm

/* int race_dispatch_none(void): kern_timeout.c 1.7 softclock(), one
   callout: lock, take it, CALLOUT_UNLOCK back to the entry level, call
   the handler, relock, unlock.  The window: unlock .. tcp_timer's splraise. */
	.globl	race_dispatch_none
race_dispatch_none:
	pushq	%rbx
	movl	$SPL_HIGH, %edi
	call	splraise		/* CALLOUT_LOCK(s) */
	movl	%eax, %ebx		/* s */
	testl	$CO_PENDING, callout_flags(%rip)
	jz	1f
	andl	$~CO_PENDING, callout_flags(%rip)
	orl	$CO_FIRED, callout_flags(%rip)
	movl	%ebx, %edi
	call	splx			/* CALLOUT_UNLOCK(s): back to softclock */
	call	tcp_timer		/* (*func)(arg) */
	movl	$SPL_HIGH, %edi
	call	splraise		/* CALLOUT_LOCK(s) */
	movl	%eax, %ebx
1:	movl	%ebx, %edi
	call	splx			/* CALLOUT_UNLOCK(s) */
	popq	%rbx
	xorl	%eax, %eax
	ret

/* int race_dispatch_spllower(void): fix 1 of the 2003 thread:
   s = splclock(); ...; spllower(co->co_ipl); (*func)(arg); splx(s);
   refusing a callout whose IPL is above the lock level (ipl_le). */
	.globl	race_dispatch_spllower
race_dispatch_spllower:
	pushq	%rbx
	movl	$SPL_HIGH, %edi
	call	splraise		/* lock */
	movl	%eax, %ebx		/* s */
	testl	$CO_PENDING, callout_flags(%rip)
	jz	1f
	andl	$~CO_PENDING, callout_flags(%rip)
	orl	$CO_FIRED, callout_flags(%rip)
	movl	callout_ipl(%rip), %edi
	movl	$SPL_HIGH, %esi
	call	ipl_le			/* co_ipl <= lock level? */
	testl	%eax, %eax
	jnz	2f
	movl	$1, race_refused(%rip)	/* above the lock: refuse it */
	jmp	1f
2:	movl	callout_ipl(%rip), %edi
	call	spllower		/* unlock only down to co_ipl */
	call	tcp_timer
1:	movl	%ebx, %edi
	call	splx			/* back to the entry level */
	popq	%rbx
	xorl	%eax, %eax
	ret

/* int race_dispatch_ack(void): fix 2: network input honours what
   callout_stop() returns; the dispatcher marks the callout INVOKING
   (NetBSD's later CALLOUT_INVOKING) and the handler acknowledges it. */
	.globl	race_dispatch_ack
race_dispatch_ack:
	pushq	%rbx
	movl	$1, netinput_ack(%rip)
	movl	$SPL_HIGH, %edi
	call	splraise		/* CALLOUT_LOCK(s) */
	movl	%eax, %ebx
	testl	$CO_PENDING, callout_flags(%rip)
	jz	1f
	andl	$~CO_PENDING, callout_flags(%rip)
	orl	$(CO_FIRED | CO_INVOKING), callout_flags(%rip)
	movl	%ebx, %edi
	call	splx			/* CALLOUT_UNLOCK(s) */
	call	tcp_timer_ack
	movl	$SPL_HIGH, %edi
	call	splraise		/* CALLOUT_LOCK(s) */
	movl	%eax, %ebx
1:	movl	%ebx, %edi
	call	splx
	popq	%rbx
	xorl	%eax, %eax
	ret

/* int tcp_timer(void): tcp_timer.c 1.55: s = splsoftnet(); use the
   tcpcb; splx(s).  s is kept in %rbx. */
	.globl	tcp_timer, race_touch
tcp_timer:
	pushq	%rbx
	movl	$SPL_SOFTNET, %edi
	call	splraise		/* s = splsoftnet() */
	movl	%eax, %ebx
race_touch:
	TOUCH_OWNER
	movl	%ebx, %edi
	call	splx			/* splx(s) */
	popq	%rbx
	xorl	%eax, %eax
	ret

/* int tcp_timer_ack(void): the same timer under fix 2: give up if the
   callout was stopped meanwhile (INVOKING clear), else callout_ack(). */
	.globl	tcp_timer_ack, race_touch_ack
tcp_timer_ack:
	pushq	%rbx
	movl	$SPL_SOFTNET, %edi
	call	splraise		/* s = splsoftnet() */
	movl	%eax, %ebx
	testl	$CO_INVOKING, callout_flags(%rip)
	jz	1f			/* stopped meanwhile */
	andl	$~CO_INVOKING, callout_flags(%rip)	/* callout_ack() */
race_touch_ack:
	TOUCH_OWNER
1:	movl	%ebx, %edi
	call	splx			/* splx(s) */
	popq	%rbx
	xorl	%eax, %eax
	ret

/* handler_softnet: network input (runs at IPL_SOFTNET from its stub):
   callout_stop() the timer, then free its owner, unless (fix 2) the
   handler is already invoking and will see the stop. */
	.globl	handler_softnet
handler_softnet:
	incl	count_softnet(%rip)
	movl	callout_flags(%rip), %eax	/* was = flags */
	andl	$~CO_PENDING, callout_flags(%rip)	/* callout_stop() */
	cmpl	$0, netinput_ack(%rip)
	je	1f
	testl	$CO_INVOKING, %eax
	jz	1f
	movl	$1, owner_free_deferred(%rip)	/* the handler frees it later */
	ret
1:	movl	$1, owner_freed(%rip)
	ret

/* int ipl_le(int a, int b): 1 if spl value a blocks no more than b.  On
   this mask port that is the subset test (a & ~b) == 0 (iplemu compare). */
	.globl	ipl_le
ipl_le:
	notl	%esi
	xorl	%eax, %eax
	testl	%esi, %edi
	setz	%al
	ret
