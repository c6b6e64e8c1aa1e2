/* BROKEN: _splraise disabling IRQs with a mistyped mask, 0xA0 (I | T)
   for 0x80 (I) or 0xC0 (I | F): "The MSR instruction must not be used to
   alter the T bit in the CPSR ... the results are UNPREDICTABLE" (ARM ARM
   DDI 0100E A4.1.39 MSR, Usage); on an ARMv4 (no Thumb) core it is
   UNPREDICTABLE too.  The CPSR is given back from r3 afterwards. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	mrs	r3, cpsr
	orr	r2, r3, #0xA0		/* BUG: T set with I */
	msr	cpsr_c, r2
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	msr	cpsr_c, r3
	mov	pc, lr
