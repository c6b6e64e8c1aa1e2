/* Deliberately broken arm32 (footbridge) spl routines and stubs (test
   data), linked with kernel_snippets/arm32.  The routines take an spl
   mask (footbridge_imask[ipl] already looked up), as `check --routine`
   calls a routine of the user's. */
	.include "port.inc"

	.equ	PSR_MODE, 0x1f
	.equ	PSR_I, 0x80
	.equ	MODE_IRQ, 0x12

	.text
/* splraise that lowers: current_spl_level = mask, not |= mask. */
	.globl	splraise_lowers
splraise_lowers:
	ldr	r2, =current_spl_level
	ldr	r1, [r2]
	str	r0, [r2]
	mov	r0, r1
	mov	pc, lr

/* spllower that stores the mask and forgets footbridge_ipending: what
   arrived while blocked is never run (the mask port's typical mistake). */
	.globl	spllower_noreplay
spllower_noreplay:
	ldr	r2, =current_spl_level
	ldr	r1, [r2]
	str	r0, [r2]
	mov	r0, r1
	mov	pc, lr

/* splx that tests the pending bits against the old level before it
   stores the new one: a source pended at the old level stays pending. */
	.globl	splx_early
splx_early:
	ldr	r1, =current_spl_level
	ldr	r3, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	str	r0, [r1]
	bics	r2, r2, r3			/* WRONG: pending & ~old */
	moveq	pc, lr
	b	footbridge_do_pending

/* splx that restores the wrong mask: drops the softclock bit (bit 0). */
	.globl	splx_wrong
splx_wrong:
	bic	r0, r0, #1
	b	splx

/* The IRQ-mode bank: a clock stub that keeps R14_irq and SPSR_irq on the
   IRQ stack but stays in IRQ mode to dispatch.  footbridge_intr_dispatch
   enables IRQs for the handler, and the handler's return address is in
   R14 -- R14_irq, which a nested IRQ overwrites (ARM ARM A2.6, IRQ exception): the
   handler then returns to where the nested IRQ came in. */
	.globl	Xintr_clock_irqmode
Xintr_clock_irqmode:
	sub	lr, lr, #4
	stmfd	sp!, {r0-r3, ip, lr}
	mrs	r0, spsr
	stmfd	sp!, {r0}
	mov	r0, #(1 << SRC_CLOCK_BIT)
	ldr	r1, =(SRC_CLOCK_SPL | (1 << SRC_CLOCK_BIT))
	ldr	r2, =handler_clock
	bl	footbridge_intr_dispatch	/* WRONG: in IRQ mode, IRQs get enabled */
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0-r3, ip, lr}
	movs	pc, lr

/* A clock stub that returns without restoring current_spl_level: the
   interrupted code resumes at the clock's level. */
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	sub	lr, lr, #4
	stmfd	sp!, {r0-r3, ip, lr}
	ldr	r1, =current_spl_level
	ldr	r0, [r1]
	orr	r0, r0, #SRC_CLOCK_SPL & 0xff
	orr	r0, r0, #SRC_CLOCK_SPL & 0xff0000
	str	r0, [r1]			/* raised, never restored */
	ldmfd	sp!, {r0-r3, ip, lr}
	movs	pc, lr
