/*
 * red team 19 a F4 (held before check's starts from the own data an
 * interrupted call left): powerpc do_pending_int (replacing the port's,
 * kernel_snippets/powerpc/spl.S, through its weak symbol) whose "already
 * running further out" guard is a nesting count,
 *     if (busy++ != 0) return;   ...   busy--;
 * and the early return forgets the decrement.  NetBSD's guard is a flag
 * set and cleared by the outer call alone (sys/arch/macppc/macppc/
 * extintr.c 1.10.2.7 do_pending_int: static int processing; if
 * (processing) return; processing = 1; ... processing = 0), as the
 * port's copy does.  A nested call (a replayed handler's or an interrupt
 * tail's splx -> do_pending_int while the outer one runs) leaves busy one
 * too high when the outer call ends: busy stays 1 for good, and every
 * later do_pending_int returns at once, so no spllower/splx ever replays
 * a pended source again.  The call that breaks it is itself right (its
 * own replays ran), and so is every call check made from the loaded
 * image or the warm starts (no interrupt); from the own data the
 * interrupted call left, the next spllower leaves its pended request
 * unserved: FAILS served_once.  Correct twin: the port's do_pending_int.
 *
 * The count is kept in r7, not r0: red team 19's own file did
 * `addi r6, r0, 1` and `addi r0, r0, -1`, and addi with rA = 0 adds to 0,
 * not to r0 (PowerPC PEM ch. 8, addi: rD <- (rA|0) + EXTS(SIMM)), so it
 * stored 1 and -1 (every completed call left busy = -1: broken too, but
 * not as described).
 */
	.include "port.inc"
	.data
busy:	.long	0
	.text
	.globl	do_pending_int
do_pending_int:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	lis	r9, busy@ha
	lwz	r7, busy@l(r9)
	addi	r6, r7, 1
	stw	r6, busy@l(r9)		/* busy++ */
	cmpwi	r7, 0
	bne	4f			/* BUG: returns with busy still counted */
	mfmsr	r30			/* emsr */
	rlwinm	r29, r30, 0, 17, 15	/* dmsr = emsr & ~PSL_EE */
	mtmsr	r29
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)		/* pcpl */
1:	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r3, r5, r31
	beq	3f
	cntlzw	r3, r3
	subfic	r3, r3, 31
	li	r4, 1
	slw	r4, r4, r3
	andc	r5, r5, r4
	stw	r5, ipending@l(r9)
	mr	r4, r30
	bl	Xreplay
	mtmsr	r29
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	b	1b
3:	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	lis	r9, busy@ha
	lwz	r7, busy@l(r9)
	addi	r7, r7, -1
	stw	r7, busy@l(r9)		/* busy-- (EE still off) */
	mtmsr	r30
4:	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr
