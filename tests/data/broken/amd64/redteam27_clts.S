/* NOT MODELLED (was a false hold): splraise that clears CR0.TS (clts): the next FPU use no longer traps to the lazy FPU switch; nothing compared CR0 (red team 27 D): now no verdict */
	.text
	.globl splraise
splraise:
	clts
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
