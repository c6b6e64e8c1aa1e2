/* CORRECT twin of cu1_force.S: Status 31:16 kept as they were (an and
   with the complement of the mask, as the port's _splraise). */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_cu1
	.ent	rt_raise_cu1
rt_raise_cu1:
	mfc0	$v0, $12
	andi	$a0, $a0, 0xff00
	nor	$a0, $a0, $zero
	move	$t0, $v0		/* Status whole */
	and	$t0, $t0, $a0
	lui	$t1, 0x0000		/* (nothing forced) */
	or	$t0, $t0, $t1
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_raise_cu1
