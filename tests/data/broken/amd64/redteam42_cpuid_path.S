/* BROKEN on AMD: splraise with a vendor-specific path chosen by CPUID
   leaf 0's vendor string (as NetBSD/x86 code chooses by cpu_vendor); the
   path taken on "AuthenticAMD" -- the K8, the first x86-64 the port's
   model names -- forgets to store the new cpl. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	pushq	%rbx
	movl	%edi, %r8d
	xorl	%eax, %eax
	cpuid
	movl	cpl(%rip), %eax
	orl	%eax, %r8d
	cmpl	$0x68747541, %ebx	/* "Auth" */
	je	1f
	movl	%r8d, cpl(%rip)
1:	popq	%rbx			/* BUG: the AMD path never raises */
	ret
