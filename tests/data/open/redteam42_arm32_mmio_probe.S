/* NetBSD footbridge_splx style: after lowering, re-enable the pended
   hardware lines at the DC21285's IRQ controller (footbridge_set_intrmask:
   a store to DC21285_ARMCSR_VBASE + IRQ_ENABLE_SET). */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	ldr	r3, =0xfd000188
	mov	r2, #0
	str	r2, [r3]		/* enable nothing more */
	mov	pc, lr
