/* red team 8 (aside, not a flag): ARM ARM DDI 0100E §A4.1 MUL, "Operand
   restrictions: Specifying the same register for <Rd> and <Rm> has
   UNPREDICTABLE results" (ARMv4/v5).  unicorn computes r1 * 1. */
	.include "port.inc"
	.text
	.globl	splraise_mul_rd_rm
splraise_mul_rd_rm:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	mov	r3, #1
	mul	r1, r1, r3			/* WRONG: Rd == Rm */
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
