/* macppc style: after raising, write the Heathrow interrupt controller's
   enable register (obio at 0xf3000000, INT_ENABLE_REG 0x24: NetBSD macppc
   extintr.c writes it through its mapped base), as a routine that masks
   the blocked lines in hardware does. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	lis	r6, 0xf300
	li	r7, 0
	stwbrx	r7, 0, r6		/* (little-endian device register) */
	mr	r3, r4
	blr
