/* MIPS I (R3000) interrupt entry and return, per the IDT R30xx Family
   Software Reference Manual, "Exception Management" (test data).  irq_probe records what the
   entry left in Status and EPC, runs the clock's handler and returns with
   `jr k0; rfe'. */
	.set	noreorder
	.text
	.globl	irq_target, irq_probe, irq_status, irq_epc, irq_branch
/* irq_target: a counter bumped once per instruction, so an instruction
   run twice (or skipped) shows in v0 */
irq_target:
	move	$v0, $zero
	addiu	$v0, $v0, 1
	addiu	$v0, $v0, 1
	addiu	$v0, $v0, 1
	jr	$ra
	nop

/* irq_branch: a taken branch whose delay slot bumps v0: interrupted at
   the branch, the pair runs once, after the interrupt */
irq_branch:
	move	$v0, $zero
	b	1f
	addiu	$v0, $v0, 1			/* the delay slot */
	addiu	$v0, $v0, 100			/* skipped by the branch */
1:	jr	$ra
	addiu	$v0, $v0, 10

irq_probe:
	mfc0	$k1, $12
	sw	$k1, irq_status
	mfc0	$k0, $14
	sw	$k0, irq_epc
	addiu	$sp, $sp, -24			/* the handler acknowledges the device */
	sw	$ra, 16($sp)			/* (a request stays asserted until then: */
	sw	$v0, 20($sp)			/* R4000 UM ch. 5, Cause IP(7:2)) */
	jal	handler_clock
	nop
	lw	$ra, 16($sp)
	lw	$v0, 20($sp)
	addiu	$sp, $sp, 24
	lw	$k0, irq_epc
	nop				/* MIPS I load delay slot */
	jr	$k0
	rfe

	.data
	.align	2
irq_status:	.word	0
irq_epc:	.word	0
