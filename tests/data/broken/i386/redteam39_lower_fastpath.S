/* BROKEN: spllower with a "fast path" chosen by a stale %ecx: when ~%ecx
   equals cpl it tests ipending BEFORE it writes cpl: a request arriving
   between the test and the write is pended under the old cpl and never
   replayed (lost).  The routine leaves %ecx = ~(the cpl it wrote), so the
   next call of it with nothing between takes the fast path.  No poison
   (pattern, complement, 0) has its complement equal to a cpl. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	notl	%ecx
	cmpl	%ecx, %eax		/* BUG: stale %ecx */
	je	5f
	movl	%edx, cpl
	notl	%edx
	movl	%edx, %ecx
	testl	%edx, ipending
	jnz	1f
	ret
5:	notl	%edx
	movl	%edx, %ecx
	testl	%edx, ipending		/* read before the write: race */
	notl	%edx
	movl	%edx, cpl
	jnz	1f
	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
