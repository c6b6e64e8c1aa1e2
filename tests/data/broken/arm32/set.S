/* Deliberately broken arm32 (footbridge) `set` routines (test data). */
	.include "port.inc"
	.text

/* spl0 that only stores current_spl_level: pended sources stay pending
   (no_lost). */
	.globl	spl0_noreplay
spl0_noreplay:
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	mov	r1, #SPL_NONE
	str	r1, [r2]
	mov	pc, lr

/* splhigh that leaves the clock (IRQ_TIMER_1) out of the mask (exact). */
	.globl	splhigh_noclock
splhigh_noclock:
	stmfd	sp!, {r4, lr}
	ldr	r1, =current_spl_level
	ldr	r4, [r1]
	ldr	r0, =(SPL_HIGH & ~(1 << SRC_CLOCK_BIT))
	bl	splx
	mov	r0, r4
	ldmfd	sp!, {r4, pc}
	.ltorg
