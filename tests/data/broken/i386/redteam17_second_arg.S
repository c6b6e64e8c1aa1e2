/* int spllower_opt(int ncpl, int replay): a second parameter added so that
   internal callers can skip the replay; the public splx(s) / assembly
   callers still push ONE argument (K&R call, no prototype).
   BUG: `replay` is read from the caller's frame (8(%esp)), which the
   caller never wrote: where it happens to hold 0, pending unblocked
   interrupts are left in ipending (lost until some later spl call). */
	.include "port.inc"
	.text
	.globl	spllower_opt
spllower_opt:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	cmpl	$0, 8(%esp)		/* replay requested? */
	je	2f
	notl	%edx
	testl	%edx, ipending
	jnz	1f
2:	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
