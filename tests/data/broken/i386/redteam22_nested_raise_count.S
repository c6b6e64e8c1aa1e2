/*
 * red team 22 a: an i386 splraise whose own data advance only on raises
 * made from a priority other than IPL_NONE that really raise (cpl changes):
 * a 3-bit count of "nested raises" (splbio() inside splsoftnet(), say).
 * When that count is 5, the call returns the new cpl instead of the old.
 * No call from IPL_NONE, and no call that changes nothing, advances it.
 */
	.include "port.inc"
	.data
rt_nraises:	.byte	0
	.text
	.globl	rt_splraise_nr
rt_splraise_nr:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	cmpb	$5, rt_nraises
	je	3f
	testl	%eax, %eax		/* from IPL_NONE: not counted */
	jz	2f
	cmpl	%eax, %edx		/* changes nothing: not counted */
	je	2f
	movb	rt_nraises, %cl
	incb	%cl
	andb	$7, %cl
	movb	%cl, rt_nraises
2:	movl	%edx, cpl
	ret
3:	movl	%edx, cpl
	movl	%edx, %eax		/* BUG: returns the new cpl */
	ret
