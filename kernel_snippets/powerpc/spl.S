/*
 * powerpc spl(9), written for iplemu after the design of NetBSD/macppc
 * 1.6 (sys/arch/macppc/macppc/extintr.c 1.10.2.7: splraise, spllower,
 * splx, do_pending_int).
 *
 * The priority is software: `cpl` is the mask of blocked sources and
 * `ipending` the sources that arrived while blocked.  An spl value is a
 * mask (imask[IPL_x]).  MSR[EE] stays 1 at every spl: the stub compares
 * the source with cpl and pends it when blocked.  Lowering replays what
 * became unblocked (do_pending_int), with EE off while it looks at
 * ipending and on while a handler runs.
 *
 * SVR4 PowerPC ABI: argument in r3, result in r3, return address in LR;
 * r0, r3-r12, CTR, XER, CR0 are scratch; r29-r31 are kept (saved here).
 */
	.include "port.inc"

	.equ	PSL_EE, 0x8000
	/* the soft sources' bits: do_pending_int runs them after every
	   pending hardware source (extintr.c's HWIRQ_MASK loop first) */
	.equ	SOFT_BITS, (1 << SRC_SOFTCLOCK_BIT) | (1 << SRC_SOFTNET_BIT) | (1 << SRC_SOFTSERIAL_BIT)

	.data
	.globl	cpl, ipending
cpl:		.long	0
ipending:	.long	0
processing:	.long	0		/* do_pending_int is running further out */

	.text
/* int splraise(int ncpl): cpl |= ncpl, so it never lowers; returns the old
   cpl.  sync; eieio keep the compiler's and the CPU's accesses in order
   around the cpl update, as NetBSD's does. */
	.weak	splraise
splraise:
	sync
	eieio
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	sync
	eieio
	mr	r3, r4
	blr

/* int spllower(int ncpl): cpl = ncpl, then replay every pending source
   that ncpl no longer blocks; returns the old cpl. */
	.weak	spllower
spllower:
	sync
	eieio
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)		/* ocpl */
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r5, r5, r3		/* ipending & ~ncpl */
	beq	1f
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r4, 8(r1)
	bl	do_pending_int
	lwz	r4, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	sync
	eieio
	mr	r3, r4
	blr

/* void splx(int ncpl): the same without a result (NetBSD's is void). */
	.weak	splx
splx:
	b	spllower

/* void do_pending_int(void): with EE off, take the highest pending
   hardware bit that the entry cpl (pcpl) does not block, or when there is
   none the highest such soft bit (softserial, softnet, softclock: NetBSD
   runs every pending hardware source first, then one soft source, then
   looks again), clear it, and run its source through Xreplay (cpl raised
   to the source's IPL, EE as at entry); then cpl = pcpl and look again.  A nested call (from an interrupt tail while
   one runs further out) returns at once: the outer loop sees what it
   left.  At the end: cpl = pcpl, processing = 0, EE as at entry. */
	.weak	do_pending_int
do_pending_int:
	stwu	r1, -32(r1)
	mflr	r0
	stw	r0, 36(r1)
	stw	r29, 20(r1)
	stw	r30, 24(r1)
	stw	r31, 28(r1)
	lis	r9, processing@ha
	lwz	r0, processing@l(r9)
	cmpwi	r0, 0
	bne	4f
	li	r0, 1
	stw	r0, processing@l(r9)
	mfmsr	r30			/* emsr */
	rlwinm	r29, r30, 0, 17, 15	/* dmsr = emsr & ~PSL_EE */
	mtmsr	r29
	lis	r9, cpl@ha
	lwz	r31, cpl@l(r9)		/* pcpl */
1:	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	andc.	r3, r5, r31		/* pending and unblocked */
	beq	3f
	lis	r6, SOFT_BITS@h
	ori	r6, r6, SOFT_BITS@l
	andc.	r0, r3, r6		/* the hardware ones among them */
	beq	2f
	mr	r3, r0			/* hardware first */
2:	cntlzw	r3, r3
	subfic	r3, r3, 31		/* the highest of them */
	li	r4, 1
	slw	r4, r4, r3
	andc	r5, r5, r4		/* claim it */
	stw	r5, ipending@l(r9)
	mr	r4, r30			/* the MSR its handler runs with */
	bl	Xreplay
	mtmsr	r29			/* EE off again */
	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)		/* cpl = pcpl */
	b	1b
3:	lis	r9, cpl@ha
	stw	r31, cpl@l(r9)
	lis	r9, processing@ha
	li	r0, 0
	stw	r0, processing@l(r9)
	mtmsr	r30			/* EE as at entry */
4:	lwz	r29, 20(r1)
	lwz	r30, 24(r1)
	lwz	r31, 28(r1)
	lwz	r0, 36(r1)
	mtlr	r0
	addi	r1, r1, 32
	blr

/* Xreplay: branch to the replay entry of the source whose bit is r3. */
	.macro REPLAY_CASE name, bit, level, spl, vector
	cmpwi	r3, \bit
	beq	Xreplay_\name
	.endm
	.weak	Xreplay
Xreplay:
	IPLEMU_SOURCES REPLAY_CASE
	trap				/* a pending bit with no source */

/* int spl0(void), int splhigh(void): set cpl to imask[IPL_NONE] (0) or
   imask[IPL_HIGH], whatever it was, replaying what the new cpl leaves
   unblocked (spllower does both); return the old cpl.  macppc intr.h:
   spl0() is spllower(0); splhigh() is splraise(imask[IPL_HIGH]), which
   from IPL_SERIAL (above IPL_HIGH here) stays there: this one sets
   IPL_HIGH exactly, the contract of a `set` routine (archs/README.md). */
	.weak	spl0
spl0:
	li	r3, SPL_NONE
	b	spllower

	.weak	splhigh
splhigh:
	lis	r3, SPL_HIGH@h
	ori	r3, r3, SPL_HIGH@l
	b	spllower
