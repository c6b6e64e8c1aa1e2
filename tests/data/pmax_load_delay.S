/* The MIPS I load delay (emu/backends/mips.py): the instruction that runs
   right after a load may not read its target.  In a branch delay slot
   that instruction is the target or the fall-through, whichever runs. */
	.set	noreorder
	.data
	.align	2
ld_word:	.word	5
	.text
	.globl	ld_taken_reads
ld_taken_reads:				/* the taken target reads $t1: a fault */
	lui	$t0, %hi(ld_word)
	bne	$t0, $zero, 1f
	lw	$t1, %lo(ld_word)($t0)
	nop
1:	move	$v0, $t1
	jr	$ra
	nop
	.globl	ld_taken_skips
ld_taken_skips:				/* only the fall-through reads it: none */
	lui	$t0, %hi(ld_word)
	bne	$t0, $zero, 1f
	lw	$t1, %lo(ld_word)($t0)
	move	$v0, $t1
1:	nop
	jr	$ra
	move	$v0, $t1
	.globl	ld_untaken_reads
ld_untaken_reads:			/* not taken, the fall-through reads it */
	lui	$t0, %hi(ld_word)
	beq	$t0, $zero, 1f
	lw	$t1, %lo(ld_word)($t0)
	move	$v0, $t1
1:	jr	$ra
	nop
	.globl	ld_jr_reads
ld_jr_reads:				/* a register jump's target reads it */
	lui	$t2, %hi(2f)
	addiu	$t2, $t2, %lo(2f)
	lui	$t0, %hi(ld_word)
	jr	$t2
	lw	$t1, %lo(ld_word)($t0)
	nop
2:	move	$v0, $t1
	jr	$ra
	nop
	.globl	ld_pair
ld_pair:				/* lw then its use: a fault, unless interrupted */
	lui	$t0, %hi(ld_word)
	lw	$t1, %lo(ld_word)($t0)
	move	$v0, $t1
	jr	$ra
	nop
	.globl	ld_merge
ld_second:				/* the second instruction after it: no delay */
	lui	$t0, %hi(ld_word)
	bne	$t0, $zero, 1f
	lw	$t1, %lo(ld_word)($t0)
1:	jr	$ra				/* the load delay slot: reads $ra */
	move	$v0, $t1
	.globl	ld_merge
ld_merge:				/* lwl/lwr into one register: bypassed */
	lui	$t0, %hi(ld_word)
	lwl	$t1, %lo(ld_word)($t0)
	lwr	$t1, %lo(ld_word)+3($t0)
	nop
	jr	$ra
	move	$v0, $t1
