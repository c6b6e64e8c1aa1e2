/* red team 37: BROKEN (expected: defined_only).  i386 twin of redteam37_raise_jl_undef.S:
   `jl' on the caller's flags (SF != OF), no compare before it. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	jl	1f			/* BUG: flags not set yet */
	orl	%eax, %edx
	movl	%edx, cpl
1:	ret
