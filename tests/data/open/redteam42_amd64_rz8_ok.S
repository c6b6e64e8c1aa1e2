/* -8(%rsp) in a leaf that never pushes: at entry %rsp = 8 mod 16
   (psABI 3.2.2), and the CPU aligns RSP down to 16 before it pushes
   its 64-bit frame (SDM 3A 6.14.2), so [rsp-8, rsp) is the alignment
   padding no interrupt writes.  Fragile but correct on hardware. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	cpl(%rip), %eax
	movl	%eax, -8(%rsp)
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	movl	-8(%rsp), %eax
	ret
