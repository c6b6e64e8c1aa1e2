/* BROKEN: "splraise(0) is a no-op" shortcut that reads the argument at
   -4(%esp) (the free stack below the return address: a sign slip for
   4(%esp)) and skips the raise when it is 0.  What is there is whatever
   the last push/interrupt left.  Truth: defined_only should fail. */
	.include "port.inc"
	.text
	.globl	rt_raise_stackoff
rt_raise_stackoff:
	movl	cpl, %eax
	cmpl	$0, -4(%esp)		/* BUG: meant 4(%esp) */
	je	1f
	movl	4(%esp), %edx
	orl	%eax, %edx
	movl	%edx, cpl
1:	ret
