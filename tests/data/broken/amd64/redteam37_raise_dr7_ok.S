/* red team 37: CORRECT twin of redteam37_raise_dr7.S: DR7 read and written back unchanged. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movq	%dr7, %rcx
	movq	%rcx, %dr7
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
