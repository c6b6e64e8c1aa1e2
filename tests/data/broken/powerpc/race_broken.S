/* Deliberately broken PR#20390 dispatchers for powerpc (test data), linked
   with kernel_snippets/powerpc/race.S, whose symbols they use.  Each must
   let `race_stale` become 1 for some softnet injection. */
	.include "port.inc"

	.equ	CO_PENDING,  2		/* as in race.S */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4

	.text
/* Fix 1 done wrong: race_dispatch_spllower, but it unlocks with splx(s),
   back to the entry level, instead of spllower(callout_ipl): the window
   of kern_timeout.c 1.7 softclock() is open again. */
	.globl	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r31, 12(r1)
	lis	r3, SPL_HIGH@h
	ori	r3, r3, SPL_HIGH@l
	bl	splraise		/* lock */
	mr	r31, r3			/* s */
	lis	r10, callout_flags@ha
	lwz	r11, callout_flags@l(r10)
	andi.	r12, r11, CO_PENDING
	beq	1f
	rlwinm	r11, r11, 0, 31, 29
	ori	r11, r11, CO_FIRED
	stw	r11, callout_flags@l(r10)
	lis	r10, callout_ipl@ha
	lwz	r3, callout_ipl@l(r10)
	lis	r4, SPL_HIGH@h
	ori	r4, r4, SPL_HIGH@l
	bl	ipl_le
	cmpwi	r3, 0
	beq	1f
	mr	r3, r31
	bl	splx			/* WRONG: should be spllower(callout_ipl) */
	bl	tcp_timer
1:	mr	r3, r31
	bl	splx
	li	r3, 0
	lwz	r31, 12(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr

/* Fix 2 without the check: race_dispatch_ack, but network input ignores
   what callout_stop() returns (netinput_ack = 0) and frees the owner
   while the handler is invoking. */
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r31, 12(r1)
	li	r11, 0			/* WRONG: callout_stop()'s answer ignored */
	lis	r10, netinput_ack@ha
	stw	r11, netinput_ack@l(r10)
	lis	r3, SPL_HIGH@h
	ori	r3, r3, SPL_HIGH@l
	bl	splraise
	mr	r31, r3
	lis	r10, callout_flags@ha
	lwz	r11, callout_flags@l(r10)
	andi.	r12, r11, CO_PENDING
	beq	1f
	rlwinm	r11, r11, 0, 31, 29
	ori	r11, r11, CO_FIRED | CO_INVOKING
	stw	r11, callout_flags@l(r10)
	mr	r3, r31
	bl	splx
	bl	tcp_timer_ack
	lis	r3, SPL_HIGH@h
	ori	r3, r3, SPL_HIGH@l
	bl	splraise
	mr	r31, r3
1:	mr	r3, r31
	bl	splx
	li	r3, 0
	lwz	r31, 12(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
