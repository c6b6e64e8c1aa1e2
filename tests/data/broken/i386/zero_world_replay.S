/* BROKEN: spllower whose replay branch (taken only when a request is
   pending, so only after an interrupt) skips the replay when %ecx, never
   written (abi.scratch: undefined at the call), is 0: whether a pending
   request is served by the return depends on what the caller left in
   %ecx.  A pattern and its complement are both nonzero; only the zero
   world, run on cases whose path the baseline never took, sees it. */
	.include "port.inc"
	.text
	.globl	rt_lower_replay_zero
rt_lower_replay_zero:
	movl	4(%esp), %edx
	movl	cpl, %eax
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	testl	%ecx, %ecx		/* BUG: an undefined register decides */
	jz	2f
	pushl	%eax
	call	Xspllower
	popl	%eax
2:	ret
