/* Deliberately broken powerpc `set` routines (test data). */
	.include "port.inc"
	.text

/* spl0 that only stores cpl: pended sources stay pending (no_lost). */
	.globl	spl0_noreplay
spl0_noreplay:
	lis	r9, cpl@ha
	lwz	r3, cpl@l(r9)
	li	r4, SPL_NONE
	stw	r4, cpl@l(r9)
	blr

/* splhigh that leaves the clock (the decrementer) out of the mask (exact). */
	.equ	HIGH_NOCLOCK, SPL_HIGH & ~(1 << SRC_CLOCK_BIT)
	.globl	splhigh_noclock
splhigh_noclock:
	lis	r3, HIGH_NOCLOCK@h
	ori	r3, r3, HIGH_NOCLOCK@l
	b	spllower
