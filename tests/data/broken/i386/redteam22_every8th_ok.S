/*
 * red team 22 a: correct twin of i386_every8th_transient.S: the same
 * counter, the branchless mask kept, but the mask only decides a
 * statistics word (rt_sampled) and cpl is written once.
 */
	.include "port.inc"
	.data
rt_calls:	.byte	0
rt_sampled:	.long	0
	.text
	.globl	rt_splraise_t8
rt_splraise_t8:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movb	rt_calls, %cl
	incb	%cl
	andb	$7, %cl
	movb	%cl, rt_calls
	cmpb	$1, %cl
	sbbl	%ecx, %ecx
	notl	%ecx
	andl	%eax, %ecx
	movl	%ecx, rt_sampled
	movl	%edx, cpl
	ret
