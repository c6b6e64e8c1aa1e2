/*
 * red team 21 (from red team 20 A F3, /work/redteam20/a/i386_every8th.S):
 * an i386 splraise that counts its calls in a static word of its own and
 * on every 8th call returns the NEW cpl instead of the old one (a sampled
 * statistics path gone wrong).  Only the own data 7 earlier calls leave
 * take that path; the warm starts make one round of earlier calls, so it
 * held until check repeated the rounds (emu/repeats.py).  Fails
 * returns_previous and nesting, from "7 rounds in a row of ...".
 */
	.include "port.inc"
	.data
rt_calls:	.long	0
	.text
	.globl	rt_splraise_8
rt_splraise_8:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incl	rt_calls
	testl	$7, rt_calls
	jnz	1f
	movl	%edx, %eax		/* sampled path: wrong value */
1:	ret
