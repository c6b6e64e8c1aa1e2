/* The guest's Status (emu/backends/mips.py): bits unicorn's MIPS32 Status
   drops on an mtc0 (IsC, CU3, KUo) and Status = 0 (bit 2 is unicorn's
   ERL) read back by mfc0 as an R3000 holds them; each routine puts Status
   back as it found it. */
	.set	noreorder
	.text
	.globl	st_bits_back			/* returns Status with PZ | CU3 | KUo set */
st_bits_back:
	mfc0	$t2, $12
	lui	$t1, 0x8004
	ori	$t1, $t1, 0x20
	or	$t0, $t2, $t1
	mtc0	$t0, $12
	nop
	mfc0	$v0, $12
	nop
	mtc0	$t2, $12
	jr	$ra
	nop
	.globl	st_bits_slots			/* the same, written and read in delay slots */
st_bits_slots:
	mfc0	$t2, $12
	lui	$t1, 0x8004
	ori	$t1, $t1, 0x20
	or	$t0, $t2, $t1
	beq	$zero, $zero, 1f
	mtc0	$t0, $12
1:	bne	$t0, $zero, 2f
	mfc0	$v0, $12
2:	nop
	jr	$ra
	mtc0	$t2, $12
	.globl	st_zero				/* Status := 0, read back: 0 */
st_zero:
	mfc0	$t2, $12
	mtc0	$zero, $12
	lw	$t0, 0($sp)			/* kuseg reached with Status = 0 */
	mfc0	$v0, $12
	nop
	mtc0	$t2, $12
	jr	$ra
	nop
	.globl	jump_a0				/* jumps where a0 points */
jump_a0:
	jr	$a0
	nop
