/* BROKEN (red team 28 A F1, held): splraise forms cpl's address with a
   32-bit immediate move, `movl $cpl, %ecx`, which ZERO-extends into %rcx.
   NetBSD/amd64 links its kernel at 0xffffffff80100000 (-mcmodel=kernel),
   where that relocation (R_X86_64_32) cannot reach cpl: the link there
   (assembler.kernel_text) refuses it, exit 2.  A `movq $cpl` (R_X86_64_32S)
   or a rip-relative lea is right. */
	.include "port.inc"
	.text
	.globl	rt_raise_zext
rt_raise_zext:
	movl	$cpl, %ecx		# BUG: zero-extended address
	movl	(%rcx), %eax
	orl	%eax, %edi
	movl	%edi, (%rcx)
	ret
