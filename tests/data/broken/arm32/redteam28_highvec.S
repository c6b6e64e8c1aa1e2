@ BROKEN (red team 28 C F5, held): splx that also sets CP15 c1's V bit
@ (exception vectors at 0xffff0000, where this kernel has none): the CPU's
@ next IRQ fetches from there.  The model's interrupt entry goes to the
@ ports' stubs directly: no verdict (not modelled).
	.include "port.inc"
	.text
	.globl	rt_splx_highvec
rt_splx_highvec:
	mrc	p15, 0, r1, c1, c0, 0
	orr	r1, r1, #0x2000		@ WRONG: V
	mcr	p15, 0, r1, c1, c0, 0
	b	splx
