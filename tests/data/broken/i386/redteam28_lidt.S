# BROKEN (red team 28 C F5, held): splraise that loads an empty IDT
# (lidt of a zero limit): the CPU's next interrupt finds no gate (#GP, then
# a double fault).  The model's interrupt entry goes to the ports' stubs
# directly: no verdict (not modelled).
	.include "port.inc"
	.data
rt_empty_idt:
	.word	0
	.long	0
	.text
	.globl	rt_raise_lidt
rt_raise_lidt:
	lidt	rt_empty_idt		# WRONG
	movl	4(%esp), %edx
	movl	cpl, %eax
	cmpl	%eax, %edx
	jbe	1f
	movl	%edx, cpl
1:	ret
