/* Deliberately broken PR#20390 dispatchers for i386 (test data), linked
   with kernel_snippets/i386/race.S, whose symbols they use.  Each must
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
	pushl	%ebx
	pushl	$SPL_HIGH
	call	splraise		/* lock */
	addl	$4, %esp
	movl	%eax, %ebx		/* s */
	testl	$CO_PENDING, callout_flags
	jz	1f
	andl	$~CO_PENDING, callout_flags
	orl	$CO_FIRED, callout_flags
	pushl	$SPL_HIGH
	pushl	callout_ipl
	call	ipl_le
	addl	$8, %esp
	testl	%eax, %eax
	jnz	2f
	movl	$1, race_refused
	jmp	1f
2:	pushl	%ebx
	call	splx			/* WRONG: should be spllower(callout_ipl) */
	addl	$4, %esp
	call	tcp_timer
1:	pushl	%ebx
	call	splx
	addl	$4, %esp
	popl	%ebx
	xorl	%eax, %eax
	ret

/* Fix 2 without the check: race_dispatch_ack, but network input ignores
   what callout_stop() returns (netinput_ack = 0) and frees the owner
   while the handler is invoking. */
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	pushl	%ebx
	movl	$0, netinput_ack	/* WRONG: callout_stop()'s answer ignored */
	pushl	$SPL_HIGH
	call	splraise
	addl	$4, %esp
	movl	%eax, %ebx
	testl	$CO_PENDING, callout_flags
	jz	1f
	andl	$~CO_PENDING, callout_flags
	orl	$(CO_FIRED | CO_INVOKING), callout_flags
	pushl	%ebx
	call	splx
	addl	$4, %esp
	call	tcp_timer_ack
	pushl	$SPL_HIGH
	call	splraise
	addl	$4, %esp
	movl	%eax, %ebx
1:	pushl	%ebx
	call	splx
	addl	$4, %esp
	popl	%ebx
	xorl	%eax, %eax
	ret
