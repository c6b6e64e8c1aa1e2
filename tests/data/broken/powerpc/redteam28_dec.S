/* BROKEN: splraise that reloads the decrementer (mtdec 0x7fff0000): the next clock interrupt (the decrementer, vector 0x900) comes ~35 s later on a 60 MHz timebase: hardclock stops.
   --routine rt_raise_dec=raise */
	.include "port.inc"
	.text
	.globl	rt_raise_dec
rt_raise_dec:
	lis	r0, 0x7fff
	mtdec	r0			/* WRONG: "push the next tick away" */
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)

	mr	r3, r4
	blr
