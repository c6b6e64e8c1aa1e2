/*
 * BROKEN (returns_previous should fail): the powerpc member of the
 * "static on a path chosen by the level lowered FROM" class.  spllower
 * that, when the old cpl blocks a device (wdc0 .. awacs) but not the
 * clock, stores cpl first and then keeps the old cpl in a static word
 * across its do_pending_int call, returning it from there.  A disk
 * handler's s = splbio(); ...; splx(s) lowers FROM IPL_BIO in that
 * window and overwrites the word with IPL_BIO: the outer call returns
 * the disk handler's level.  Other levels: the port's spllower.
 */
	.include "port.inc"
	.data
	.align	2
lower_old:	.long	0
	.text
	.globl	rt_lower_mid
rt_lower_mid:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	andis.	r0, r4, (1 << (SRC_CLOCK_BIT - 16))@l
	bne	spllower		/* blocks the clock: the port's */
	andi.	r0, r4, 0x3e
	beq	spllower		/* soft levels only: the port's */
	stw	r3, cpl@l(r9)
	lis	r10, lower_old@ha
	stw	r4, lower_old@l(r10)	/* the static, after the lowering */
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	bl	do_pending_int
1:	lis	r10, lower_old@ha
	lwz	r3, lower_old@l(r10)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
