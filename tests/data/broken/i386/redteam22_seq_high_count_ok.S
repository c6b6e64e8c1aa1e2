/*
 * red team 22 a: correct twin of i386_seq_high_count.S: the same count of
 * raises to imask[IPL_HIGH], the sampled path for other targets returning
 * the old cpl as it should.
 */
	.include "port.inc"
	.data
rt_highs:	.byte	0
rt_samples:	.long	0
	.text
	.globl	rt_splraise_seq
rt_splraise_seq:
	movl	4(%esp), %edx
	movl	cpl, %eax
	cmpl	$SPL_HIGH, %edx
	jne	1f
	movb	rt_highs, %cl
	incb	%cl
	andb	$7, %cl
	movb	%cl, rt_highs
	jmp	2f
1:	cmpb	$5, rt_highs
	jne	2f
	incl	rt_samples		/* the sampled path: counts, returns right */
2:	orl	%eax, %edx
	movl	%edx, cpl
	ret
