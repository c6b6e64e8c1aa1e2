/* BROKEN: spllower that claims a pending softclock (clears its bit in
   ipending) while cpl still holds the old priority, with MSR[EE] on, and
   only then lowers cpl and runs softclock's handler; the hardware
   requests its stubs pended in that window (cpl blocked them) wait,
   unblocked by the new cpl, behind softclock's handler, until the
   do_pending_int after it.  NetBSD macppc extintr.c 1.10.2.7 claims with
   EE off and runs every pending hardware source before a soft one: a
   clock pended there runs first.  handler_priority fails: a soft handler
   starts while a hardware request its priority does not block waits,
   one its own code pended at the claim's level (runloop.SoftClaims).
   Its claim, a load and a store of ipending with EE on, also loses a
   request pended between the two: no_lost and served_once fail too
   (check --depth 2 --from IPL_HIGH --to none: 6,314,437 handler_priority
   cases, 620 CPU s). */
	.include "port.inc"
	.text
	.globl	spllower
spllower:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)		/* ocpl */
	stw	r4, 8(r1)
	stw	r3, 12(r1)		/* ncpl */
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc	r6, r5, r3		/* pending and unblocked by ncpl */
	lis	r7, (1 << SRC_SOFTCLOCK_BIT)@h
	and.	r6, r6, r7
	beq	1f
	andc	r5, r5, r7		/* claim softclock, cpl still the old one */
	stw	r5, ipending@l(r9)
	nop				/* a request arriving here is pended */
	nop
	lis	r9, cpl@ha
	stw	r3, cpl@l(r9)		/* BUG: lowers, then softclock first */
	li	r3, SRC_SOFTCLOCK_BIT
	mfmsr	r4
	bl	Xreplay
	lwz	r3, 12(r1)
	lis	r9, cpl@ha
	stw	r3, cpl@l(r9)
1:	lwz	r3, 12(r1)
	lis	r9, cpl@ha
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3
	beq	2f
	bl	do_pending_int
2:	lwz	r3, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
