/* twin: the I bit alone */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	mrs	r3, cpsr
	orr	r2, r3, #0x80
	msr	cpsr_c, r2
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	msr	cpsr_c, r3
	mov	pc, lr
