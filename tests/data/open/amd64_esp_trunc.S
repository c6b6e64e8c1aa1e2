/* BROKEN on the real port (amd64): the replay path saves the stack pointer
   in a 32-bit register (`movl %esp, %r8d`... here: keeps it in %ebx) and
   restores %rsp from it with a 32-bit move, which zero-extends: on
   NetBSD/x86_64 the kernel stack is above 0xffff8000_00000000 (its
   upages), so %rsp's upper half is lost.  Expect (real port): no_fault /
   preserves (stack pointer).  In the model the stack is below 4 GiB. */
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
