/*
 * red team 22 a: the powerpc twin of i386_every2nd_transient.S: a
 * splraise with a 1-bit call counter of its own that, on every 2nd call,
 * stores cpl = 0 for one instruction before the new cpl.  Branchless
 * (the mask comes from the counter with neg/srawi), so every call runs
 * the same instructions and returns the same.  The usual start makes a
 * 1st call; the warm start (one round) a 2nd, judged with no interrupt
 * only.
 */
	.include "port.inc"
	.data
rt_calls:	.long	0
	.text
	.globl	rt_splraise_t2
rt_splraise_t2:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)		/* old cpl, returned */
	or	r5, r4, r3		/* new cpl */
	lis	r10, rt_calls@ha
	lwz	r6, rt_calls@l(r10)
	xori	r6, r6, 1		/* 1 on a 1st call, 0 on a 2nd */
	stw	r6, rt_calls@l(r10)
	neg	r7, r6			/* -1 on a 1st call, 0 on a 2nd */
	and	r7, r7, r4		/* old cpl, or 0 on a 2nd call */
	stw	r7, cpl@l(r9)		/* BUG: cpl = 0 on every 2nd call */
	stw	r5, cpl@l(r9)
	mr	r3, r4
	blr
