/* BROKEN (the open row of sessions 32-38, amd64's twin of red team 29 F
   F2, held until session 39): splraise reaches cpl through a pointer kept
   in its data, loaded 32 bits wide: `movl cpl_ptr(%rip), %ecx` zero-extends
   the low half of 0xffffffff801xxxxx into %rcx (SDM vol. 1 §3.4.1.1: a
   32-bit destination clears bits 63:32), an address nothing is mapped at
   in NetBSD/amd64's kernel (linked at 0xffffffff80100000).  The model runs
   the image there (archs/amd64.yaml run_at_kernel_text): no_fault fails at
   the load through it.  Its twin ptr32_raise_ok.S loads it with movq. */
	.include "port.inc"
	.data
	.p2align 3
cpl_ptr:
	.quad	cpl
	.text
	.globl	rt_raise_ptr32
rt_raise_ptr32:
	movl	cpl_ptr(%rip), %ecx	# BUG: the pointer's upper half dropped
	movl	(%rcx), %eax
	orl	%eax, %edi
	movl	%edi, (%rcx)
	ret
