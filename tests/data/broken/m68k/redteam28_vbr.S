| BROKEN (red team 28 C F5, held): spllower that also points VBR at a
| table of its own (movec %d0,%vbr): the CPU's next interrupt takes its
| vector from there, not from the kernel's table.  The model's interrupt
| entry goes to the ports' stubs directly: no verdict (not modelled).
	.include "port.inc"
	.text
	.globl	rt_lower_vbr
rt_lower_vbr:
	moveq	#0,%d0
	movec	%d0,%vbr		| WRONG: vectors from address 0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
