/* BROKEN: after the replay (Xspllower, a C function: %ecx/%edx are
   undefined at its return) the routine decides whether to rewrite cpl
   by testing %ecx for zero, and rewrites it from %edx, which the call
   clobbered (meant: the saved ncpl).  If the C function happens to leave
   %ecx = 0, cpl gets garbage.  Should fail defined_only (and exact in
   that world).  Only reached when something was pending (a case). */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
	testl	%ecx, %ecx		/* BUG: a scratch register after a C call */
	jnz	1f
	movl	%edx, cpl		/* garbage when taken */
1:	ret
