/*
 * red team 20 A F4 (held until runloop.handler_started judged a soft
 * handler started ahead of the innermost interrupt's own): the clock's
 * stub, before it serves its own request,
 * replays a pending softclock (claimed from ipending) at IPL_SOFTCLOCK
 * with interrupts on, then raises cpl to the clock's IPL and runs the
 * clock's handler: a lower soft interrupt runs inside the clock's
 * interrupt ahead of the clock's own handler.  NetBSD 1.6 vector.s
 * INTRSTUB raises cpl to the source's IPL and runs its handlers; soft
 * interrupts run only from Xdoreti/Xspllower, after, in priority order.
 */
	.include "port.inc"
	.text
	.globl	Xintr_clock
Xintr_clock:
	pushal
	testl	$(1 << SRC_CLOCK_BIT), cpl
	jz	1f
	orl	$(1 << SRC_CLOCK_BIT), ipending
	popal
	iret
1:	movl	cpl, %eax
	pushl	%eax			/* the cpl to return to */
	testl	$(1 << SRC_SOFTCLOCK_BIT), %eax
	jnz	2f			/* cpl blocks softclock */
	btrl	$SRC_SOFTCLOCK_BIT, ipending
	jnc	2f			/* none pending */
	orl	$SRC_SOFTCLOCK_SPL, cpl	/* the soft one first (wrong order) */
	sti
	call	handler_softclock
	cli
	movl	(%esp), %eax
	movl	%eax, cpl
2:	orl	$SRC_CLOCK_SPL, cpl
	sti
	call	handler_clock
	cli
	popl	%eax
	jmp	Xdoreti
