/* BROKEN (served_once): spllower that skips its replay when ~%ecx equals
   the old cpl ("cpl unchanged since my last call: nothing new can be
   pending").  It leaves %ecx = ~(the cpl it wrote) on every path, and only
   the path with something pending reads %ecx, so the call with no
   interrupt takes its own path whatever %ecx holds: after its own
   s = rt_lower(x), a request that arrived while x blocked it is not
   replayed by the next call that unblocks it (the ABI leaves %ecx
   undefined at a call; check's start with what an earlier call left and
   a request pending at the call, session 41). */
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
1:	notl	%ecx
	cmpl	%ecx, %eax		/* BUG: stale %ecx */
	movl	%edx, %ecx
	je	2f
	pushl	%eax
	call	Xspllower
	popl	%eax
2:	ret
