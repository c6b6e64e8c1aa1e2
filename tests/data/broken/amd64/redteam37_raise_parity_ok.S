/* red team 37: CORRECT twin of redteam37_raise_parity.S: the shortcut tests s itself (ZF). */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movl	cpl(%rip), %eax
	testl	%edi, %edi		/* s == 0: nothing to raise */
	jz	1f
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
1:	ret
