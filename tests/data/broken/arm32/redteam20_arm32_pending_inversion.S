/*
 * red team 20 A: arm32 twin of i386_resume_inversion.S: a
 * footbridge_do_pending that gives the caller's IRQ state back (IRQs on)
 * BEFORE it raises current_spl_level for the source it claimed: a lower
 * request arriving there is taken at the old level and its handler runs
 * ahead of the claimed one.  footbridge_irqhandler.c 1.9 (as the port's
 * spl.S cites it) raises the level, then restore_interrupts().
 */
	.include "port.inc"
	.equ	PSR_I, 0x80

	.macro	RT_TEST name, bit, level, spl, vector
	tst	r2, #(1 << \bit)
	bne	rt_run_\name
	.endm

	.macro	RT_RUN name, bit, level, spl, vector
rt_run_\name:
	mov	r6, #(1 << \bit)
	ldr	r7, =(\spl | (1 << \bit))
	ldr	ip, =handler_\name
	b	2f
	.endm

	.text
	.globl	footbridge_do_pending
footbridge_do_pending:
	stmfd	sp!, {r4-r8, lr}
	mrs	r8, cpsr
	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0
	ldr	r4, =current_spl_level
	ldr	r5, [r4]
1:	ldr	r1, =footbridge_ipending
	ldr	r2, [r1]
	bics	r2, r2, r5
	beq	3f
	IPLEMU_SOURCES RT_TEST
	b	3f
	IPLEMU_SOURCES RT_RUN
2:	ldr	r2, [r1]
	bic	r2, r2, r6
	str	r2, [r1]
	msr	cpsr_c, r8			/* too early: IRQs on at the old level */
	orr	r7, r7, r5
	str	r7, [r4]
	mov	lr, pc
	mov	pc, ip
	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0
	str	r5, [r4]
	b	1b
3:	msr	cpsr_c, r8
	ldmfd	sp!, {r4-r8, pc}
	.ltorg
