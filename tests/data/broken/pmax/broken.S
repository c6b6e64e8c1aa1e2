/* Deliberately broken pmax (MIPS I) spl routines and stubs (test data),
   linked with kernel_snippets/pmax.  The routines take an spl value (a
   Status image of the lines let through), as `check --routine' calls a
   routine of the user's. */
	.include "port.inc"

	.equ	INT_MASK, 0xff00
	.equ	HARD_INT_MASK, 0xfc00		/* MIPS_HARD_INT_MASK: IM2..IM7 */
	.equ	INT_IE, 0x0001

	.set	noreorder
	.text
/* splraise that lowers: IM := s whatever the current IM (a _splset). */
	.globl	splraise_lowers
	.ent	splraise_lowers
splraise_lowers:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_lowers

/* The mips lowering that forgets the soft-interrupt bits: IM := s but
   only over the hardware lines (MIPS_HARD_INT_MASK), so IM0/IM1 stay as
   they were and a soft interrupt pending in Cause IP0/IP1 is never taken. */
	.globl	spllower_hardonly
	.ent	spllower_hardonly
spllower_hardonly:
	mfc0	$v0, $12
	li	$t0, ~HARD_INT_MASK
	and	$t0, $v0, $t0
	andi	$a0, $a0, HARD_INT_MASK		/* WRONG: INT_MASK */
	or	$t0, $t0, $a0
	ori	$t0, $t0, INT_IE
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	spllower_hardonly

/* _splset that drops the softclock line from s: IM0 stays clear. */
	.globl	splx_wrong
	.ent	splx_wrong
splx_wrong:
	li	$t0, ~0x0100
	b	_splset
	and	$a0, $a0, $t0
	.end	splx_wrong

/* A clock stub that masks its IPL but puts Status back without the
   interrupted IM: it returns with IM as the handler ran (the clock's). */
	.globl	Xintr_clock_norestore
	.ent	Xintr_clock_norestore
Xintr_clock_norestore:
	addiu	$sp, $sp, -32
	sw	$ra, 16($sp)
	sw	$t0, 20($sp)
	sw	$t1, 24($sp)
	mfc0	$k1, $14
	nop				/* MIPS I load delay slot */
	sw	$k1, 28($sp)
	mfc0	$t0, $12
	li	$t1, ~INT_MASK | (SRC_CLOCK_SPL & INT_MASK)
	and	$t0, $t0, $t1
	ori	$t0, $t0, INT_IE
	mtc0	$t0, $12
	jal	handler_clock
	nop
	mfc0	$t0, $12
	li	$t1, ~INT_IE
	and	$t0, $t0, $t1
	mtc0	$t0, $12			/* WRONG: IM stays at the clock's */
	lw	$k0, 28($sp)
	lw	$ra, 16($sp)
	lw	$t0, 20($sp)
	lw	$t1, 24($sp)
	addiu	$sp, $sp, 32
	jr	$k0
	rfe
	.end	Xintr_clock_norestore
