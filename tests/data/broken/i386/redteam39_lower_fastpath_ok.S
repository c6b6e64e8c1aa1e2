/* CORRECT twin of redteam39_i386_lower_fastpath.S: it leaves %ecx =
   ~(the cpl it wrote) as the broken one does, but chooses no path by it:
   cpl is written before ipending is tested, on every call. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	movl	%edx, %ecx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
