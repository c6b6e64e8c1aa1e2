/* twin: @ha */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mr	r3, r4
	blr
