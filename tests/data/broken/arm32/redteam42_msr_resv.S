/* BROKEN: _splraise writing the CPSR with cpsr_all from a value with
   reserved bits set (bit 8..27: ARMv4 reserved, "should be written as
   zero": ARM ARM DDI 0100E A2.5, writing 1s is UNPREDICTABLE) */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	mrs	r3, cpsr
	orr	r2, r3, #0x80
	orr	r2, r2, #0x100		/* BUG: a reserved bit */
	msr	cpsr_all, r2
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	msr	cpsr_c, r3
	mov	pc, lr
