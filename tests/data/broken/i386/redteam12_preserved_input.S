/* BROKEN (defined_only): takes the bits to raise to from its caller's
   %ebx as well as its argument when %ebx's top bit is set: a preserved
   register holds the caller's value, no input of the routine (the
   machine's fixed pattern had that bit clear in every world) */
	.include "port.inc"
	.text
	.globl	splraise_ebx_input
splraise_ebx_input:
	movl	4(%esp), %edx
	testl	%ebx, %ebx
	jns	1f
	orl	%ebx, %edx
1:	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
