/* BROKEN (decided before running): spllower whose replay branch, reached
   only when something unblocked is pending, re-tests "is anything to
   replay?" on %ecx (scratch, never written: undefined at the call) where
   %edx (ipending & ~ncpl, just computed) was meant.  A caller that leaves
   %ecx = 0 gets no replay: the pending source stays pending and unblocked
   at the return.  Should fail: defined_only (and no_lost in that world).
   The branch is never reached in a baseline (nothing pending), so the
   zero world never sees it. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx
	jz	1f
	testl	%ecx, %ecx		/* BUG: meant %edx */
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret
