! BROKEN (red team 28 B F8, held on sparc): splraise that clears TBA: the
! CPU's next trap or interrupt vectors to address 0.  The model's interrupt
! entry goes to the ports' stubs directly: no verdict (not modelled).
	.include "port.inc"
	.text
	.globl	rt_raise_tba
rt_raise_tba:
	wrpr	%g0, 0, %tba		! WRONG
	ba	splraise
	 nop
