/*
 * BROKEN (returns_previous should fail): _spllower(mask) that keeps the
 * old Status in a static word across its Status write -- but only on the
 * path that really changes IM; a call that finds IM already as asked
 * returns at once ("nothing to do") without touching the static.
 *
 * Not re-entrant where NetBSD re-enters it: kern_clock.c 1.75 hardclock(),
 * when CLKF_BASEPRI(frame) (mips cpu.h: the interrupted Status had every
 * IM bit and IE set, i.e. the clock interrupted code at spl0), calls
 * spllowersoftclock() = _spllower(MIPS_SOFT_INT_MASK_0) (pmax intr.h
 * 1.23.6.2) and then softclock().  That call REALLY lowers (from the
 * clock's level to IPL_SOFTCLOCK), so it takes the static path.  A clock
 * interrupt taken inside spl0() = _spllower(0), after its mtc0 has opened
 * every line (base priority) and before the reload, overwrites the static
 * with the clock handler's Status: spl0() returns IPL_CLOCK's value, and
 * s = _spllower(..); ...; splx(s) in the caller restores the wrong level.
 * The check re-enters a lower taking the lines to block only with the
 * handler's own IPL (archs/README.md), which takes the fast path here.
 */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.data
	.align	2
lower_saved:	.word	0
	.text
	.globl	rt_lower_static
	.ent	rt_lower_static
rt_lower_static:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK		/* the lines to enable */
	and	$t0, $v0, $t0
	or	$t0, $t0, $a0			/* the new Status */
	beq	$t0, $v0, 1f			/* IM already as asked */
	nop
	la	$t1, lower_saved
	sw	$v0, 0($t1)			/* the old Status, in a static */
	mtc0	$t0, $12
	nop
	lw	$v0, 0($t1)
	nop
1:	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_lower_static
