/*
 * red team 22 a: an i386 splraise that counts its calls in a 3-bit field
 * of its own and, on every 8th call, writes cpl = 0 for one instruction
 * before writing the new cpl (a branchless "sample" step: the mask it
 * ANDs the old cpl with is computed from the counter with cmp/sbb, so
 * every call runs the same instructions, returns the same value and
 * leaves the same cpl; only an interrupt arriving between the two cpl
 * writes of an 8th call sees the priority at IPL_NONE).
 */
	.include "port.inc"
	.data
rt_calls:	.byte	0
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
	cmpb	$1, %cl			/* CF = 1 iff this is an 8th call */
	sbbl	%ecx, %ecx		/* -1 on an 8th call, else 0 */
	notl	%ecx			/* 0 on an 8th call, else -1 */
	andl	%eax, %ecx		/* old cpl, or 0 on an 8th call */
	movl	%ecx, cpl		/* BUG: cpl = 0 on every 8th call */
	movl	%edx, cpl
	ret
