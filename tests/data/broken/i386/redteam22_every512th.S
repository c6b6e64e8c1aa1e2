/*
 * red team 22 a: the every-8th counter of redteam21_every8th.S with a
 * 16-bit counter sampling every 512th call (past REPEAT_BOUND rounds):
 * the sampled call returns the new cpl instead of the old.
 */
	.include "port.inc"
	.data
rt_calls:	.word	0
	.text
	.globl	rt_splraise_512
rt_splraise_512:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incw	rt_calls
	testw	$511, rt_calls
	jnz	1f
	movl	%edx, %eax		/* sampled path: wrong value */
1:	ret
