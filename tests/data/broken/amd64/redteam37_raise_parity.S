/* red team 37: BROKEN (expected: defined_only).  splraise whose "nothing to raise"
   shortcut tests the wrong register and the wrong flag: `testb %sil,
   %sil; jpo' (rsi is not an argument of splraise(int): the caller's
   garbage).  When the garbage's low byte has odd parity the routine
   returns the old cpl without raising: a raise that does not raise
   (exact, no_window).  Its path depends on an undefined register. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movl	cpl(%rip), %eax
	testb	%sil, %sil		/* BUG: %sil, not %dil; PF, not ZF */
	jpo	1f
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
1:	ret
