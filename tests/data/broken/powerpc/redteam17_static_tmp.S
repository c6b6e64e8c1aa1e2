/* splraise keeping the old cpl in a static temporary instead of a
   register (red team 17 F1, written for powerpc).  BUG: not re-entrant:
   an interrupt between the store and the reload whose handler calls
   splraise (every NetBSD driver handler does s = splXXX(); ...;
   splx(s)) overwrites saved_cpl, so this call returns the handler's cpl. */
	.include "port.inc"
	.data
saved_cpl:
	.long	0
	.text
	.globl	splraise_static
splraise_static:
	sync
	eieio
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	lis	r10, saved_cpl@ha
	stw	r4, saved_cpl@l(r10)	/* the old cpl, in a static */
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	sync
	eieio
	lwz	r3, saved_cpl@l(r10)	/* reloaded: another call may have changed it */
	blr
