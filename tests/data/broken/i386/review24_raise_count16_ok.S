/*
 * review 24 D1's twin: the same count of raises to IPL_NONE in a 4-bit
 * field of its own, and nothing else done with it: every state of the
 * count is a start (emu/repeats.py) and every property holds.
 */
	.include "port.inc"
	.data
rt_calls:	.byte	0
	.text
	.globl	rt_splraise_d
rt_splraise_d:
	movl	4(%esp), %edx
	movl	cpl, %eax
	testl	%edx, %edx
	jnz	1f			/* not a raise to IPL_NONE: not counted */
	movb	rt_calls, %cl
	incb	%cl
	andb	$15, %cl
	movb	%cl, rt_calls
1:	orl	%eax, %edx
	movl	%edx, cpl
	ret
