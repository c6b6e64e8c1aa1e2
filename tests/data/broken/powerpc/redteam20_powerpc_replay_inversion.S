/*
 * red team 20 A: the clock's replay entry (Xreplay_clock, called from
 * do_pending_int with EE off and r4 = the MSR to run the handler with)
 * sets the MSR (EE on) before it raises cpl to the clock's IPL.  A lower
 * request (softclock) arriving there is taken at the lowered cpl and its
 * handler runs ahead of the clock's, whose pending bit do_pending_int has
 * already claimed: a priority inversion on the replay path.  NetBSD/macppc
 * extintr.c 1.10.2.7 do_pending_int: splraise(intrmask[irq]) first, then
 * mtmsr(emsr), then the handlers.  Only Xreplay_clock is replaced.
 */
	.include "port.inc"

	.macro REPLAYINV name, bit, level, spl, vector
	.ifc	\name,clock
	.text
	.globl	Xreplay_\name
Xreplay_\name:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	mtmsr	r4			/* too early: EE on, cpl still pcpl */
	lis	r9, cpl@ha
	lwz	r5, cpl@l(r9)
	lis	r6, \spl@h
	ori	r6, r6, \spl@l
	or	r5, r5, r6
	stw	r5, cpl@l(r9)
	bl	handler_\name
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
	.endif
	.endm

	IPLEMU_SOURCES REPLAYINV
