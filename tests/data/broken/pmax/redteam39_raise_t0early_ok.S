/* CORRECT twin of redteam39_raise_t0early.S: the compare after t0 is computed. */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_t0
	.ent	rt_raise_t0
rt_raise_t0:
	mfc0	$v0, $12
	andi	$a0, $a0, 0xff00
	nor	$a0, $a0, $zero		/* the bits to keep */
	and	$t0, $v0, $a0
	beq	$t0, $v0, 1f		/* after t0 is computed */
	nop
	mtc0	$t0, $12
1:	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_raise_t0
