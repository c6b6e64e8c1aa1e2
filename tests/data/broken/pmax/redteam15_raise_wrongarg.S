/* BROKEN: "_splraise(0) changes nothing" shortcut that tests $a1 (not
   passed: undefined, abi.scratch) instead of $a0: whenever the caller's
   $a1 is 0 the routine returns without masking.  Truth: defined_only. */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_wrongarg
	.ent	rt_raise_wrongarg
rt_raise_wrongarg:
	mfc0	$v0, $12
	beq	$a1, $zero, 1f		/* BUG: meant $a0 */
	andi	$a0, $a0, 0xff00
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
1:	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_raise_wrongarg
