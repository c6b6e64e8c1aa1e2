/*
 * review 24 D1 (held before: a round's call looks the same from every state): an i386 splraise that counts its raises to IPL_NONE
 * (splraise(0), which raises nothing: a caller's s = splraise(imask[x])
 * with x's mask 0) in a 4-bit field of its own and, on every 16th such
 * call, ANDs ipending with 0 (branchless: the mask is computed from the
 * count with cmp/sbb, so every call runs the same instructions, writes
 * the same priorities and returns the same): a request pended while
 * the priority blocked it is lost.  The handlers' own raises (to
 * IPL_HIGH, or their own IPL and those above it) are not counted, so an
 * interrupted call leaves the own data a plain call leaves.
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
	cmpb	$1, %cl			/* CF = 1 iff the count wrapped */
	sbbl	%ecx, %ecx		/* -1 on a 16th call, else 0 */
	notl	%ecx			/* 0 on a 16th call, else -1 */
	andl	%ecx, ipending		/* BUG: every 16th call drops what is pended */
1:	orl	%eax, %edx
	movl	%edx, cpl
	ret
