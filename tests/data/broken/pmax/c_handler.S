/* interrupt_transparent, once handlers are C functions: a clock stub that
   saves only what it uses itself (ra, EPC, Status; it computes in k0/k1),
   with a handler that changes no register.  A C handler may change every
   o32 caller-saved register (at, v0-v1, a0-a3, t0-t9, HI, LO). */
	.include "port.inc"

	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001

	.set	noreorder
	.set	noat
	.text
	.globl	Xintr_clock_keeps_scratch
	.ent	Xintr_clock_keeps_scratch
Xintr_clock_keeps_scratch:
	addiu	$sp, $sp, -32
	sw	$ra, 16($sp)
	mfc0	$k1, $14
	nop				/* MIPS I load delay slot */
	sw	$k1, 20($sp)
	mfc0	$k1, $12
	nop				/* MIPS I load delay slot */
	sw	$k1, 24($sp)
	li	$k0, ~INT_MASK | (SRC_CLOCK_SPL & INT_MASK)
	and	$k1, $k1, $k0
	ori	$k1, $k1, INT_IE
	mtc0	$k1, $12
	jal	handler_clock			/* WRONG: the scratch registers are not saved */
	nop
	lw	$k1, 24($sp)
	nop				/* MIPS I load delay slot */
	mtc0	$k1, $12
	lw	$k0, 20($sp)
	lw	$ra, 16($sp)
	addiu	$sp, $sp, 32
	jr	$k0
	rfe
	.end	Xintr_clock_keeps_scratch

	.globl	handler_clock
	.ent	handler_clock
handler_clock:					/* changes no register */
	jr	$ra
	nop
	.end	handler_clock
