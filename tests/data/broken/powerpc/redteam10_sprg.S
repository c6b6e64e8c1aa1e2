/* Red team 10 (held before interrupt.clobbers listed the SPRGs): an spl
   routine that keeps a value in a special-purpose register general
   (SPRG1-3) across an instruction boundary where MSR[EE] = 1.  NetBSD's
   trap code owns those as scratch: every external and decrementer
   interrupt stores the interrupted r1 in SPRG1 first, a DSI keeps XER in
   SPRG2, every trap's return goes through SPRG1-3 (archs/powerpc.yaml
   interrupt.clobbers cites the sources).  So an interrupt in between
   changes the value parked there.

   splraise_sprg parks the old cpl in SPRG1 and returns what it reads back:
   an interrupt after the mtsprg makes it return the trap code's scratch.
   splraise_sprg_ee_ok does the same with EE off from before the mtsprg
   to after the mfsprg: no interrupt can come in between. */
	.include "port.inc"
	.text

	.globl	splraise_sprg
splraise_sprg:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	mtsprg1	r4			/* WRONG: SPRG1 is the trap code's */
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mfsprg1	r3			/* an interrupt may have rewritten it */
	blr

	.globl	splraise_sprg_ee_ok
splraise_sprg_ee_ok:
	mfmsr	r10
	rlwinm	r11, r10, 0, 17, 15	/* MSR with EE (0x8000) clear */
	mtmsr	r11
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	mtsprg1	r4			/* with EE off: nothing takes SPRG1 */
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mfsprg1	r3
	mtmsr	r10			/* EE as it was */
	blr
