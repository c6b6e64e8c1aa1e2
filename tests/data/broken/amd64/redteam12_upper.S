	.include "port.inc"
	.text
/* broken: a 32-bit write to %ebx zero-extends into %rbx (SDM vol. 1
   §3.4.1.1): the upper half of a callee-saved register is lost */
	.globl	splraise_ebx_zext
splraise_ebx_zext:
	movl	%ebx, %ebx
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
/* broken: same through r15d with an xchg */
	.globl	splraise_r15_xchg
splraise_r15_xchg:
	movl	cpl(%rip), %eax
	xchgl	%r15d, %eax
	xchgl	%r15d, %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
/* correct: spills %rbx 64-bit, uses %ebx, restores */
	.globl	splraise_ebx_ok
splraise_ebx_ok:
	pushq	%rbx
	movl	cpl(%rip), %ebx
	movl	%ebx, %eax
	orl	%ebx, %edi
	movl	%edi, cpl(%rip)
	popq	%rbx
	ret
