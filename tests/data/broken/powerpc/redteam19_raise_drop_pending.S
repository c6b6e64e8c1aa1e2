/* BROKEN (red team 19 a, F1 on a port whose priority pends in software):
   splraise that also clears softnet's bit in the software pending word
   (NetBSD macppc intr.h 1.6: ipending, SIR_NET 29 (archs/powerpc.yaml)), on the theory that the raised priority blocks it anyway and a
   later splx would replay it.  A softnet request that arrived while the
   priority blocked it was taken by the CPU and pended there by its stub;
   this routine clears the bit without replaying it, so its handler never
   runs, even where the raised result blocks softnet (no_lost does not
   ask).  served_once fails ("softnet was taken but its handler never ran
   after it and it is not pending at the return"): the rule a routine
   withdrawing a request in the CPU now meets too (emu/check.py). */
	.include "port.inc"
	.text
	.globl	rt_splraise_drop
rt_splraise_drop:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	lis	r6, ipending@ha
	lwz	r7, ipending@l(r6)
	rlwinm	r7, r7, 0, 3, 1		# BUG: clears bit 29 (softnet, 1 << 29 is PPC bit 2)
	stw	r7, ipending@l(r6)
	mr	r3, r4
	blr
