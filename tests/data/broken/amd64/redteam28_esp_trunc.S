/* BROKEN (red team 28 A F1, held): the replay path keeps the stack pointer
   in %ebx and restores %rsp with a 32-bit move, which zero-extends:
   NetBSD/amd64's kernel stacks are in the kernel's half, so %rsp's upper
   half is lost.  The model's stack is above 4 GiB (abi.stack_address):
   no_fault. */
	.include "port.inc"
	.text
	.globl	rt_lower_esp
rt_lower_esp:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	1f
	ret
1:	pushq	%rbx
	pushq	%rax
	movl	%esp, %ebx		# BUG: 32 bits of %rsp
	subq	$8, %rsp		# misalign on purpose, then undo via %ebx
	andq	$-16, %rsp
	call	Xspllower
	movl	%ebx, %esp		# BUG: zero-extends into %rsp
	popq	%rax
	popq	%rbx
	ret
