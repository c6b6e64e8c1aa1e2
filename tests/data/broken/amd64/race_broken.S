/* Deliberately broken PR#20390 dispatchers for amd64 (test data), linked
   with kernel_snippets/amd64/race.S, whose symbols they use.  Each must
   let `race_stale` become 1 for some softnet injection. */
	.include "port.inc"

	.equ	CO_PENDING,  2		/* as in race.S */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4

	.text
/* Fix 1 done wrong: race_dispatch_spllower, but it unlocks with splx(s),
   back to the entry level, instead of spllower(callout_ipl): the window
   of kern_timeout.c 1.7 softclock() is open again. */
	.globl	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
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
	call	ipl_le
	testl	%eax, %eax
	jnz	2f
	movl	$1, race_refused(%rip)
	jmp	1f
2:	movl	%ebx, %edi
	call	splx			/* WRONG: should be spllower(callout_ipl) */
	call	tcp_timer
1:	movl	%ebx, %edi
	call	splx
	popq	%rbx
	xorl	%eax, %eax
	ret

/* Fix 2 without the check: race_dispatch_ack, but network input ignores
   what callout_stop() returns (netinput_ack = 0) and frees the owner
   while the handler is invoking. */
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	pushq	%rbx
	movl	$0, netinput_ack(%rip)	/* WRONG: callout_stop()'s answer ignored */
	movl	$SPL_HIGH, %edi
	call	splraise
	movl	%eax, %ebx
	testl	$CO_PENDING, callout_flags(%rip)
	jz	1f
	andl	$~CO_PENDING, callout_flags(%rip)
	orl	$(CO_FIRED | CO_INVOKING), callout_flags(%rip)
	movl	%ebx, %edi
	call	splx
	call	tcp_timer_ack
	movl	$SPL_HIGH, %edi
	call	splraise
	movl	%eax, %ebx
1:	movl	%ebx, %edi
	call	splx
	popq	%rbx
	xorl	%eax, %eax
	ret
