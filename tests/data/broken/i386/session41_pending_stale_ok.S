/* CORRECT twin of session41_pending_stale.S: the same shape, %ecx set
   from the new cpl before it is compared (a replay is skipped only where
   the cpl did not change, and then nothing it unblocks can be pending). */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	movl	%edx, %ecx
	ret
1:	movl	%edx, %ecx
	notl	%ecx
	cmpl	%ecx, %eax
	movl	%edx, %ecx
	je	2f
	pushl	%eax
	call	Xspllower
	popl	%eax
2:	ret
