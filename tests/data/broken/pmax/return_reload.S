/* A load in the return's delay slot that gives its register the value it
   already holds: the caller's first instruction, in the load's delay,
   reads the old value, which is the new one (IDT R30xx Family Software
   Reference Manual, load delay slot).  Failed no_fault while any such load
   into the result was a hazard; redteam10_return.S's
   splraise_result_in_slot, reloading another value, still fails. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text

	.globl	splraise_result_reloaded_ok
	.ent	splraise_result_reloaded_ok
splraise_result_reloaded_ok:
	mfc0	$t1, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $t1, $a0
	andi	$v0, $t1, INT_MASK | INT_IE
	sw	$v0, 0($sp)		/* the home slot of a0: the callee's */
	mtc0	$t0, $12
	jr	$ra
	lw	$v0, 0($sp)		/* the value v0 holds */
	.end	splraise_result_reloaded_ok
