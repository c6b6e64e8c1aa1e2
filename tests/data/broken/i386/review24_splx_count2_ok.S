/*
 * review 24 D3's twin: the same 1-bit count of calls to IPL_SOFTNET,
 * IPL_BIO, IPL_TTY and IPL_AUDIO, and nothing else done with it: it
 * writes cpl only through spllower, and every property holds.
 */
	.include "port.inc"
	.data
rt_calls:	.byte	0
	.text
	.globl	rt_splx_c
rt_splx_c:
	movl	4(%esp), %edx
	cmpl	$0xc0000000, %edx
	je	1f
	cmpl	$0xc0004000, %edx
	je	1f
	cmpl	$0xe0004402, %edx
	je	1f
	cmpl	$0xe0004422, %edx
	jne	2f			/* other levels: not counted */
1:	movl	cpl, %eax
	movb	rt_calls, %cl
	incb	%cl
	andb	$1, %cl
	movb	%cl, rt_calls
2:	pushl	%edx
	call	spllower
	addl	$4, %esp
	ret
