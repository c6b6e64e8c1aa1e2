/* footbridge_intr_dispatch without its enable_interrupts(I32_bit): every
   handler runs with CPSR I set, so no interrupt, whatever its IPL, can
   preempt it (a clock tick waits for a whole disk handler).  The rest is
   kernel_snippets/arm32/intr.S's dispatcher. */
	.include "port.inc"
	.equ	PSR_I, 0x80
	.text
	.globl	footbridge_intr_dispatch
footbridge_intr_dispatch:
	stmfd	sp!, {r4-r6, lr}
	ldr	r4, =current_spl_level
	ldr	r5, [r4]			/* pcpl */
	tst	r5, r0
	beq	1f
	ldr	r3, =footbridge_ipending	/* masked: pend it */
	ldr	ip, [r3]
	orr	ip, ip, r0
	str	ip, [r3]
	ldmfd	sp!, {r4-r6, pc}
1:	orr	r1, r1, r5
	str	r1, [r4]			/* current_spl_level |= iq_mask */
	mrs	r6, cpsr
	/* BUG: enable_interrupts(I32_bit) left out: the handler runs with IRQs off */
	mov	lr, pc
	mov	pc, r2				/* the handler */
	msr	cpsr_c, r6			/* restore_interrupts() */
	str	r5, [r4]			/* current_spl_level = pcpl */
	ldr	r0, =footbridge_ipending
	ldr	r0, [r0]
	bics	r0, r0, r5
	beq	2f
	bic	r0, r6, #PSR_I
	msr	cpsr_c, r0
	bl	footbridge_do_pending
	msr	cpsr_c, r6
2:	ldmfd	sp!, {r4-r6, pc}

