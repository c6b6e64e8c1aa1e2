/*
 * red team 22 a: an i386 splraise whose own data advance only on raises
 * to imask[IPL_HIGH] (a 3-bit count of splhigh-level raises, say for a
 * "long splhigh section" statistic), and which goes wrong on a raise to
 * ANOTHER target when that count is 5: it returns the new cpl instead of
 * the old (the sampled statistics path).  A kernel mixes targets: five
 * splhigh()s and then one splbio() is an ordinary sequence.
 */
	.include "port.inc"
	.data
rt_highs:	.byte	0
	.text
	.globl	rt_splraise_seq
rt_splraise_seq:
	movl	4(%esp), %edx
	movl	cpl, %eax
	cmpl	$SPL_HIGH, %edx
	jne	1f
	movb	rt_highs, %cl		/* a raise to IPL_HIGH: count it */
	incb	%cl
	andb	$7, %cl
	movb	%cl, rt_highs
	jmp	2f
1:	cmpb	$5, rt_highs		/* another target after 5 splhigh()s */
	jne	2f
	orl	%eax, %edx
	movl	%edx, cpl
	movl	%edx, %eax		/* BUG: returns the new cpl */
	ret
2:	orl	%eax, %edx
	movl	%edx, cpl
	ret
