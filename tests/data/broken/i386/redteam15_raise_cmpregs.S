/* BROKEN: compares two scratch registers the caller left (%ecx, %edx
   before %edx is loaded) for equality and skips the raise when equal:
   whether it raises depends on the caller's registers.
   Truth: defined_only should fail. */
	.include "port.inc"
	.text
	.globl	rt_raise_cmpregs
rt_raise_cmpregs:
	cmpl	%ecx, %edx		/* BUG: undefined operands */
	movl	4(%esp), %edx
	movl	cpl, %eax
	je	1f
	orl	%eax, %edx
	movl	%edx, cpl
1:	ret
