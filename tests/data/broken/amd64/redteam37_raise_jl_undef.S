/* red team 37: BROKEN (expected: defined_only).  splraise whose "already high enough"
   test was moved above the compare that sets its flags: `jl' at the entry
   reads the caller's flags (SF != OF), undefined at a call; with the
   caller's SF != OF it returns without raising. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movl	cpl(%rip), %eax
	jl	1f			/* BUG: flags not set yet */
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
1:	ret
