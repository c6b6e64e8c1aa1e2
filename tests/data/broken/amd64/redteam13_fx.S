	.include "port.inc"
	.text
/* correct by contract: fxsave64/fxrstor64 around SSE use */
	.globl	splraise_fx
splraise_fx:
	pushq	%rbp
	movq	%rsp, %rbp
	subq	$512, %rsp
	andq	$-16, %rsp
	fxsave64	(%rsp)
	pxor	%xmm0, %xmm0
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	fxrstor64	(%rsp)
	movq	%rbp, %rsp
	popq	%rbp
	ret
