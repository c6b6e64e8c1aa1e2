/*
 * red team 21: the correct twin of redteam21_every8th.S: it counts its
 * calls in the same static word, and every 8th call takes a sampled path
 * that also returns the old cpl (a statistics hook done right): it holds,
 * with its own data still changing after repeats.REPEAT_BOUND rounds.
 */
	.include "port.inc"
	.data
rt_calls_ok:	.long	0
rt_samples_ok:	.long	0
	.text
	.globl	rt_splraise_8_ok
rt_splraise_8_ok:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incl	rt_calls_ok
	testl	$7, rt_calls_ok
	jnz	1f
	incl	rt_samples_ok		/* sampled path: counted, value kept */
1:	ret

/* The same with its counter wrapping at 8: the rounds' own data repeat
   after 8 (settled: every state a chain reaches seen, emu/repeats.py). */
	.data
rt_cycle_ok:	.long	0
	.text
	.globl	rt_splraise_cycle_ok
rt_splraise_cycle_ok:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incl	rt_cycle_ok
	andl	$7, rt_cycle_ok
	jnz	1f
	xorl	%ecx, %ecx		/* sampled path: value kept */
1:	ret
