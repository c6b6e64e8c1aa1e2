/* Benchmark loop: 2000 x (splraise(SPL_NET); splx(old)). */
	.include "port.inc"
	.text
	.globl	bench_loop
bench_loop:
	pushl	%ebx
	movl	$2000, %ebx
1:	pushl	$SPL_NET
	call	splraise
	addl	$4, %esp
	pushl	%eax
	call	splx
	addl	$4, %esp
	decl	%ebx
	jnz	1b
	popl	%ebx
	ret
