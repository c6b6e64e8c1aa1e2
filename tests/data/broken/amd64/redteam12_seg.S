	.include "port.inc"
	.text
/* broken: loads the kernel's data selector into %gs and leaves it there;
   in 64-bit mode loading a selector into %gs loads its base from the
   descriptor too (SDM vol. 3A §3.4.4): the GS base the code after it
   uses is gone */
	.globl	splraise_loads_gs
splraise_loads_gs:
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	movl	$0x10, %ecx
	movw	%cx, %gs
	ret
/* correct twin: %es is not used in 64-bit mode (its base is 0) and not
   compared; this one leaves every segment register alone */
	.globl	splraise_seg_ok
splraise_seg_ok:
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
