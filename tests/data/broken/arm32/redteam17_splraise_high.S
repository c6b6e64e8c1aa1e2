/* BROKEN (red team 17 F1, the port's own routine): the port's _splraise
   (argument: ipl in archs/arm32.yaml) replaced, through its weak symbol, by
   one reading a copy of footbridge_imask whose IPL_HIGH row (12) was copied
   from IPL_CLOCK's: splhigh() = _splraise(IPL_HIGH) in NetBSD leaves
   statclock (bit 5) unblocked.  `check arm32 --routine splraise` passes
   IPL_HIGH as a target of its own (contract.target_levels) and fails exact. */
	.include "port.inc"
	.data
	.align 2
typo_imask:
	.word	SPL_NONE, SPL_SOFT, SPL_SOFTCLOCK, SPL_SOFTNET, SPL_BIO, SPL_NET
	.word	SPL_SOFTSERIAL, SPL_TTY, SPL_VM, SPL_AUDIO, SPL_CLOCK
	.word	SPL_STATCLOCK, SPL_CLOCK, SPL_SERIAL
	.text
	.globl	_splraise
_splraise:
	ldr	r1, =typo_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
