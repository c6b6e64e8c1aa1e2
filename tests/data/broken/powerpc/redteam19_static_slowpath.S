/* BROKEN (red team 19 A F6, held): i386/redteam19_static_slowpath.S on
   powerpc: splraise with a fast path (cpl already blocks ncpl: return it)
   and, on the path that really raises, the old cpl in a static temporary.
   It held while only the clock's handler re-entered, with
   splraise(imask[IPL_HIGH]) from IPL_CLOCK, whose mask is IPL_HIGH's
   (archs/powerpc.yaml): the fast path.  softclock's handler raises, as
   NetBSD's softclock() does (kern_clock.c 1.75 CALLWHEEL_LOCK: s =
   splclock()).  rt_raise_slowpath_ok: the temporary in a register. */
	.include "port.inc"
	.data
saved_cpl:	.long	0
	.text
	.globl	rt_raise_slowstatic, rt_raise_slowpath_ok
rt_raise_slowstatic:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	cmpw	r5, r4
	beq	1f			/* nothing to raise */
	lis	r10, saved_cpl@ha
	stw	r4, saved_cpl@l(r10)	/* BUG: static temporary */
	stw	r5, cpl@l(r9)
	lwz	r4, saved_cpl@l(r10)
1:	mr	r3, r4
	blr

rt_raise_slowpath_ok:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	cmpw	r5, r4
	beq	1f			/* nothing to raise */
	stw	r5, cpl@l(r9)		/* the old cpl stays in r4 */
1:	mr	r3, r4
	blr
