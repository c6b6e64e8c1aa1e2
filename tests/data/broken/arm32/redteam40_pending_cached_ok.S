/* CORRECT twin of redteam40_pending_cached.S: the port's
   footbridge_do_pending, which reads footbridge_ipending again before
   each claim. */
	.include "port.inc"
	.equ	PSR_I, 0x80
	.text
/*
 * void footbridge_do_pending(void): run every pending source that
 * current_spl_level no longer blocks, highest first (the YAML's order of
 * sources), each at its own IPL with IRQs as the caller had them, until
 * none is left.  IRQs are off while ipending and current_spl_level are
 * read and changed (footbridge_irqhandler.c: disable_interrupts).  NetBSD
 * replays only the soft bits here and lets a re-enabled hardware line
 * interrupt again; the engine's sources request once, so hardware bits
 * are dispatched here too, the same way.
 */
	.macro	PENDING_TEST name, bit, level, spl, vector
	tst	r2, #(1 << \bit)
	bne	run_pending_\name
	.endm

/* r6 = the bit, r7 = iq_mask (footbridge_imask[ipl] | bit), ip = handler */
	.macro	PENDING_RUN name, bit, level, spl, vector
run_pending_\name:
	mov	r6, #(1 << \bit)
	ldr	r7, =(\spl | (1 << \bit))
	ldr	ip, =handler_\name
	b	2f
	.endm

	.globl	footbridge_do_pending
footbridge_do_pending:
	stmfd	sp!, {r4-r8, lr}
	mrs	r8, cpsr			/* oldirqstate */
	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0			/* disable_interrupts(I32_bit) */
	ldr	r4, =current_spl_level
	ldr	r5, [r4]			/* the level to come back to */
1:	ldr	r1, =footbridge_ipending
	ldr	r2, [r1]
	bics	r2, r2, r5			/* runnable = pending & ~level */
	beq	3f
	IPLEMU_SOURCES PENDING_TEST
	b	3f				/* a bit no source owns: left alone */
	IPLEMU_SOURCES PENDING_RUN
2:	ldr	r2, [r1]
	bic	r2, r2, r6
	str	r2, [r1]			/* ipending &= ~bit */
	orr	r7, r7, r5
	str	r7, [r4]			/* run at the source's IPL */
	msr	cpsr_c, r8			/* restore_interrupts() */
	mov	lr, pc
	mov	pc, ip				/* the handler (ARMv4: no blx) */
	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0
	str	r5, [r4]			/* back to the level */
	b	1b
3:	msr	cpsr_c, r8
	ldmfd	sp!, {r4-r8, pc}

