/* CORRECT twin of ptr32_raise.S: the pointer to cpl loaded whole (movq). */
	.include "port.inc"
	.data
	.p2align 3
cpl_ptr:
	.quad	cpl
	.text
	.globl	rt_raise_ptr64
rt_raise_ptr64:
	movq	cpl_ptr(%rip), %rcx
	movl	(%rcx), %eax
	orl	%eax, %edi
	movl	%edi, (%rcx)
	ret
