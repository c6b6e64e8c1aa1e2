/* BROKEN (expected: preserves).  splraise(ncpl) that borrows SPRG0 as a
   scratch register (for the old cpl) with EE off, and "tidies up" by
   zeroing it before it returns.  SPRG0 is the kernel's per-CPU pointer
   (abi.state: no spl routine may change it); a real kernel's is never 0,
   so this destroys it.  --routine rt_raise_sprg0=raise */
	.include "port.inc"
	.text
	.globl	rt_raise_sprg0
rt_raise_sprg0:
	mfmsr	r6
	rlwinm	r7, r6, 0, 17, 15	/* EE off */
	mtmsr	r7
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	mtsprg	0, r4			/* stash ocpl */
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mfsprg	r3, 0
	li	r0, 0
	mtsprg	0, r0			/* BUG: "tidy up" */
	mtmsr	r6
	blr
