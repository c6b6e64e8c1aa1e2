/* Deliberately broken pmax `set` routines (test data). */
	.include "port.inc"
	.equ	SOFT_INT_MASK, 0x0300		/* MIPS_SOFT_INT_MASK: IM0, IM1 */
	.equ	CLOCK_LINE, 1 << (8 + SRC_CLOCK_LEVEL)	/* the IM bit of the clock's Cause line */
	.set	noreorder
	.text

/* spl0 that enables only the hardware lines: the soft interrupts stay
   masked (exact). */
	.globl	spl0_hardonly
	.ent	spl0_hardonly
spl0_hardonly:
	j	_spllower
	li	$a0, SOFT_INT_MASK
	.end	spl0_hardonly

/* splhigh that leaves the clock's line enabled (exact). */
	.globl	splhigh_noclock
	.ent	splhigh_noclock
splhigh_noclock:
	j	_splset
	li	$a0, SPL_HIGH | CLOCK_LINE
	.end	splhigh_noclock
