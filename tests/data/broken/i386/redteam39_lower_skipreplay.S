/* BROKEN: spllower that skips its ipending test when ~%ecx (stale)
   equals cpl ("cpl unchanged since my last call: nothing can be
   pending").  It leaves %ecx = ~(the cpl it wrote), so after its own
   `s = spl...()' a request that arrived meanwhile and that the new cpl
   unblocks is not replayed by the next call. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	notl	%ecx
	cmpl	%ecx, %eax		/* BUG: stale %ecx */
	movl	%edx, cpl
	notl	%edx
	movl	%edx, %ecx
	je	2f
	testl	%edx, ipending
	jnz	1f
2:	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
