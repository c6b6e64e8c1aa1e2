/* red team 17: the MIPS I HI/LO hazard.  An MFLO's result is undefined
   when either of the two instructions after it writes LO (MULT, MULTU,
   DIV, DIVU, MTLO); emu/backends/mips.py poisons its rd then.  Each
   routine is _splraise (argument: the lines to block) computing a 0 from
   a product: 9 - 3*3, which only a defined mflo gives. */
	.include "port.inc"
	.set	noreorder
	.text

	.macro	FINISH
	andi	$a0, $a0, 0xff00
	addiu	$t2, $t2, -9		/* 0, if mflo gave 9 */
	or	$a0, $a0, $t2
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, 0xff01
	.endm

/* BROKEN (defined_only): a mult one instruction after the mflo
   (red team 17's m3_mflo_hazard.S) */
	.globl	splraise_mflo_mult
	.ent	splraise_mflo_mult
splraise_mflo_mult:
	mfc0	$v0, $12
	li	$t1, 3
	mult	$t1, $t1
	nop
	nop
	mflo	$t2
	mult	$t1, $t1		/* BUG: within two instructions of mflo */
	FINISH
	.end	splraise_mflo_mult

/* BROKEN (defined_only): the mflo in a branch's delay slot, an mtlo the
   second instruction at the target */
	.globl	splraise_mflo_slot
	.ent	splraise_mflo_slot
splraise_mflo_slot:
	mfc0	$v0, $12
	li	$t1, 3
	mult	$t1, $t1
	nop
	nop
	b	1f
	mflo	$t2
	nop
1:	nop
	mtlo	$zero			/* BUG: the second instruction after mflo */
	FINISH
	.end	splraise_mflo_slot

/* CORRECT twin: two nops between the mflo and the next mult */
	.globl	splraise_mflo_ok
	.ent	splraise_mflo_ok
splraise_mflo_ok:
	mfc0	$v0, $12
	li	$t1, 3
	mult	$t1, $t1
	nop
	nop
	mflo	$t2
	nop
	nop
	mult	$t1, $t1
	FINISH
	.end	splraise_mflo_ok

/* CORRECT: the mflo in a delay slot, the branch's target far from the
   mtlo on the path not taken */
	.globl	splraise_mflo_slot_ok
	.ent	splraise_mflo_slot_ok
splraise_mflo_slot_ok:
	mfc0	$v0, $12
	li	$t1, 3
	mult	$t1, $t1
	nop
	nop
	b	1f
	mflo	$t2
	mtlo	$zero			/* never runs: the branch is taken */
1:	nop
	nop
	FINISH
	.end	splraise_mflo_slot_ok
