/* A load (or mfc0) in the delay slot of the return: MIPS I does not
   interlock, so the caller's first instruction, in the load's delay,
   reads the register's old value (IDT R30xx Family Software Reference
   Manual, load delay slot).  Harmless for a scratch register the caller
   never reads after a call (the _ok twins); wrong for the result and a
   callee-saved register. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text

/* the old Status, given back by a load in the return's slot */
	.globl	splraise_result_in_slot
	.ent	splraise_result_in_slot
splraise_result_in_slot:
	mfc0	$t1, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $t1, $a0
	andi	$t1, $t1, INT_MASK | INT_IE
	sw	$t1, 0($sp)		/* the home slot of a0: the callee's */
	mtc0	$t0, $12
	jr	$ra
	lw	$v0, 0($sp)		/* WRONG: the caller reads the old v0 */
	.end	splraise_result_in_slot

/* s0 restored by the return's slot */
	.globl	splraise_s0_in_slot
	.ent	splraise_s0_in_slot
splraise_s0_in_slot:
	addiu	$sp, $sp, -8
	sw	$s0, 0($sp)
	mfc0	$s0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $s0, $a0
	mtc0	$t0, $12
	andi	$v0, $s0, INT_MASK | INT_IE
	addiu	$sp, $sp, 8
	jr	$ra
	lw	$s0, -8($sp)		/* WRONG: the caller reads the routine's s0 */
	.end	splraise_s0_in_slot

/* the same shape loading a scratch register the caller does not read */
	.globl	splraise_scratch_in_slot_ok
	.ent	splraise_scratch_in_slot_ok
splraise_scratch_in_slot_ok:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	andi	$v0, $v0, INT_MASK | INT_IE
	sw	$t0, 0($sp)
	mtc0	$t0, $12
	jr	$ra
	lw	$t1, 0($sp)		/* t1: caller-saved, undefined after the call */
	.end	splraise_scratch_in_slot_ok
