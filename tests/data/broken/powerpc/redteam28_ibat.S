/* BROKEN: splraise that clears IBAT0U (SPR 528), the BAT NetBSD/macppc maps the kernel's text with (locore.S: BAT0 1:1): the next instruction fetch with IR = 1 misses.
   --routine rt_raise_ibat=raise */
	.include "port.inc"
	.text
	.globl	rt_raise_ibat
rt_raise_ibat:
	li	r0, 0
	mtspr	528, r0			/* IBAT0U := 0: the kernel BAT gone */
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)

	mr	r3, r4
	blr
