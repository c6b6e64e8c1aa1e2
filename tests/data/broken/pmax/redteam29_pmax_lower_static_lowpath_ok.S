/*
 * CORRECT: red team 29 H A's twin (redteam29_pmax_lower_static_lowpath.S):
 * the same _spllower(mask) keeping the old Status in a static word on the
 * path that really changes IM, but with IEc off from before the store to
 * after the reload, so no handler's call (the clock's spllowersoftclock()
 * at base priority, kern_clock.c 1.75) can run in between.  IEc is put
 * back as the caller had it.  Expected: every property holds.
 */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.data
	.align	2
lower_saved_ok:	.word	0
	.text
	.globl	rt_lower_static_ok
	.ent	rt_lower_static_ok
rt_lower_static_ok:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK		/* the lines to enable */
	and	$t0, $v0, $t0
	or	$t0, $t0, $a0			/* the new Status */
	beq	$t0, $v0, 1f			/* IM already as asked */
	nop
	li	$t2, ~INT_IE
	and	$t3, $v0, $t2
	mtc0	$t3, $12			/* IEc off, IM as it was */
	nop
	la	$t1, lower_saved_ok
	sw	$v0, 0($t1)			/* the old Status, in a static */
	and	$t3, $t0, $t2
	mtc0	$t3, $12			/* the new IM, IEc still off */
	nop
	lw	$v0, 0($t1)
	nop
	mtc0	$t0, $12			/* IEc as the caller had it */
	nop
1:	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_lower_static_ok
