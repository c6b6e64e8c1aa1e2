/* BROKEN: spllower whose "nothing to replay" shortcut tests r4 (not
   passed: undefined, abi.scratch) instead of ipending & ~ncpl: whenever
   the caller leaves r4 = 0 nothing is replayed.  Truth: defined_only
   (and no_lost) should fail. */
	.include "port.inc"
	.text
	.globl	rt_lower_wrongarg
rt_lower_wrongarg:
	cmpwi	r4, 0			/* BUG: r4 is the caller's */
	lis	r9, cpl@ha
	lwz	r6, cpl@l(r9)
	stw	r3, cpl@l(r9)
	sync
	beq	1f
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	1f
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r6, 8(r1)
	bl	do_pending_int
	lwz	r6, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	mr	r3, r6
	blr
