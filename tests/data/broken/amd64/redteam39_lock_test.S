/* BROKEN (red team 39 C F1, held until session 39) on every x86-64 CPU: `lock; testl` (TEST is not lockable: #UD,
   SDM vol. 2A LOCK). amd64 spllower otherwise as shipped. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	lock;	testl	%edi, ipending(%rip)
	jnz	1f
	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret
