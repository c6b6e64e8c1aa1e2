/* BROKEN: two splraise routines that follow the back chain, as
   __builtin_return_address(1) does (0(r1) is the previous frame, 4 of
   it the return address its callee saved there: SVR4 PowerPC ABI
   supplement ch. 3, The Stack Frame; archs/powerpc.yaml abi.back_chain),
   and then write what they found: the chain is the caller's callers',
   which a routine may read but not change.  Truth: preserves fails,
   naming the caller's frame (its twin, which only reads the word, is
   tests/data/broken/powerpc/redteam30_ppc_c_ra1_ok.c). */
	.include "port.inc"
	.text

/* stores its own return address over its caller's saved LR */
	.globl	rt_raise_keeps_lr_in_chain
rt_raise_keeps_lr_in_chain:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	sync
	mflr	r0
	lwz	r6, 0(r1)		/* the previous frame */
	stw	r0, 4(r6)		/* WRONG: its LR save word is the caller's */
	mr	r3, r4
	blr

/* ends the chain at the previous frame (a "last raiser" walk that cuts
   what it walked) */
	.globl	rt_raise_cuts_chain
rt_raise_cuts_chain:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	sync
	lwz	r6, 0(r1)
	li	r7, 0
	stw	r7, 0(r6)		/* WRONG: the previous frame's link */
	mr	r3, r4
	blr
