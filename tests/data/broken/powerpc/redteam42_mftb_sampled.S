/* red team 42 B F1: an spllower replaying only when the low 8 bits of the
   time base are 0 (mftb; PEM 2.2: TBL counts at a rate of the
   implementation).  The emulator reads the time base (and the decrementer,
   the PVR) as 0: it held; now not modelled (no verdict).  */
	.include	"port.inc"
	.text
	.globl	rt_lower
rt_lower:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	mftb	r6
	andi.	r6, r6, 0xff
	bne	1f			/* BUG: sampled */
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r4, 8(r1)
	bl	do_pending_int
	lwz	r4, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	mr	r3, r4
	blr
