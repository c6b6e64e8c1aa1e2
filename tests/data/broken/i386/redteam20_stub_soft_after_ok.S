/*
 * The twin of redteam20_stub_soft_first.S: the clock's stub serves its own
 * request first (cpl raised to the clock's IPL, its handler), then, back
 * at the interrupted cpl, runs a pending softclock itself when it is the
 * only source that cpl leaves pending, as Xdoreti would (NetBSD 1.6 i386
 * spl.s Xdoreti: soft interrupts from the tail, after the hardware
 * handler); anything else is left to Xdoreti.
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
	orl	$SRC_CLOCK_SPL, cpl	/* its own handler first */
	sti
	call	handler_clock
	cli
	movl	(%esp), %eax
	movl	%eax, cpl		/* back at the interrupted cpl, interrupts off */
	notl	%eax
	andl	ipending, %eax		/* what that cpl leaves pending */
	cmpl	$(1 << SRC_SOFTCLOCK_BIT), %eax
	jne	2f			/* none, or more than softclock: Xdoreti */
	btrl	$SRC_SOFTCLOCK_BIT, ipending
	orl	$SRC_SOFTCLOCK_SPL, cpl
	sti
	call	handler_softclock
	cli
	movl	(%esp), %eax
	movl	%eax, cpl
2:	popl	%eax
	jmp	Xdoreti
