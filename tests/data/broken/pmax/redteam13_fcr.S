	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
/* correct with CU1 = 1: saves f20/f21 with swc1, uses f20, restores with
   lwc1 (load delay respected); from a caller with CU1 = 0 (NetBSD's idle
   loop: archs/pmax.yaml call state "CU1 0") its swc1 is a coprocessor
   unusable exception (no_fault) */
	.globl	splraise_fp
	.ent	splraise_fp
splraise_fp:
	addiu	$sp, $sp, -8
	swc1	$f20, 0($sp)
	swc1	$f21, 4($sp)
	mtc1	$a0, $f20
	nop
	mfc1	$t1, $f20
	nop
	mfc0	$v0, $12
	andi	$t1, $t1, INT_MASK
	nor	$t1, $t1, $zero
	and	$t0, $v0, $t1
	mtc0	$t0, $12
	lwc1	$f20, 0($sp)
	lwc1	$f21, 4($sp)
	nop
	andi	$v0, $v0, INT_MASK | INT_IE
	jr	$ra
	addiu	$sp, $sp, 8
	.end	splraise_fp

/* correct: mfc1 of f4 into t2, later mtc1 back (the value round-trips) */
	.globl	splraise_fp2
	.ent	splraise_fp2
splraise_fp2:
	mfc1	$t2, $f4
	mtc1	$zero, $f4
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	mtc1	$t2, $f4
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_fp2

/* broken: clears FCR31 (the user process's rounding mode / flags) */
	.globl	splraise_fcr
	.ent	splraise_fcr
splraise_fcr:
	ctc1	$zero, $31
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_fcr

/* broken: result depends on FCR31 */
	.globl	splraise_fcr2
	.ent	splraise_fcr2
splraise_fcr2:
	cfc1	$t3, $31
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	andi	$t3, $t3, 0x0100
	or	$v0, $v0, $t3
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_fcr2

/* broken: lwc1 restore in the jr delay slot (MIPS I load delay: the caller's first insn may see the old f20) */
	.globl	splraise_fpdelay
	.ent	splraise_fpdelay
splraise_fpdelay:
	addiu	$sp, $sp, -8
	swc1	$f20, 0($sp)
	mtc1	$zero, $f20
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	andi	$v0, $v0, INT_MASK | INT_IE
	addiu	$sp, $sp, 8
	jr	$ra
	lwc1	$f20, -8($sp)
	.end	splraise_fpdelay
