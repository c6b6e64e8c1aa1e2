/* BROKEN: splx (_splset) that, when IEc is on, "re-syncs" the KU/IE stack
   with an rfe (copied from a stub's return): rfe pops KUc/IEc := KUp/IEp,
   KUp/IEp := KUo/IEo.  From cpu.reset's 0x15 that changes nothing; in a
   system call's context (KUp = 1) it drops the kernel into user mode at
   the next instruction.  --routine rt_splset_rfe=restore */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_splset_rfe
	.ent	rt_splset_rfe
rt_splset_rfe:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	andi	$t1, $t0, INT_IE
	beq	$t1, $zero, 1f
	nop
	rfe				/* WRONG: not an exception return */
1:	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splset_rfe
