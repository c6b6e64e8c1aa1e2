/* NOT MODELLED (was a false hold): splraise that clears CR0.WP (bit 16), so the kernel may write read-only pages; nothing compared CR0 (red team 27 D): now no verdict */
	.text
	.globl splraise
splraise:
	movq	%cr0, %rax
	andq	$~0x10000, %rax
	movq	%rax, %cr0
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
