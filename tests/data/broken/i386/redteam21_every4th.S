/*
 * red team 21 (from red team 20 A F3, /work/redteam20/a/i386_every8th.S):
 * the every-4th variant of redteam21_every8th.S: an i386 splraise that
 * counts its calls in a static word of its own and on every 4th call
 * returns the NEW cpl instead of the old one (a sampled statistics path
 * gone wrong).  It failed before the rounds were repeated too: an
 * interrupted call whose handlers call the routine again leaves the
 * counter where the next call is a 4th (the own data interrupted calls
 * left, check._Checker.left_starts).
 */
	.include "port.inc"
	.data
rt_calls:	.long	0
	.text
	.globl	rt_splraise_4
rt_splraise_4:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incl	rt_calls
	testl	$3, rt_calls
	jnz	1f
	movl	%edx, %eax		/* sampled path: wrong value */
1:	ret
