/* CORRECT twin of redteam19_ldm_user_nonop.S (red team 19 A, finding
   7): the same user-register save and restore, each followed by a NOP
   (`mov r0, r0`, as NetBSD's sys/arch/arm/include/arm32/frame.h 1.33.2.2
   PUSHFRAMEINSVC and PULLFRAMEFROMSVCANDEXIT have it), so no instruction
   accessing a banked register (R8-R14) comes right after the LDM (2) or
   STM (2) (ARM ARM DDI 0100I §A4.1.21 LDM (2), Notes).  Every property
   holds. */
	.include "port.inc"

	.equ	PSR_MODE, 0x1f
	.equ	PSR_I, 0x80
	.equ	MODE_IRQ, 0x12
	.equ	MODE_SVC, 0x13

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	sub	lr, lr, #4			/* the interrupted instruction */
	stmfd	sp!, {r0, lr}			/* IRQ stack: r0, return address */
	mrs	r0, spsr
	stmfd	sp!, {r0}			/* IRQ stack: the interrupted CPSR */
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_SVC | PSR_I)
	msr	cpsr_c, r0			/* SVC mode, IRQs still off */
	sub	sp, sp, #8
	stmia	sp, {r13, r14}^			/* the user sp, lr into the frame, as PUSHFRAMEINSVC */
	mov	r0, r0				/* NOP for previous instruction */
	stmfd	sp!, {r1-r3, ip, lr}		/* APCS scratch and the SVC lr */
	mov	r0, #(1 << \bit)
	ldr	r1, =(\spl | (1 << \bit))	/* iq_mask: the source's IPL and itself */
	ldr	r2, =handler_\name
	bl	footbridge_intr_dispatch
	ldmfd	sp!, {r1-r3, ip, lr}
	ldmia	sp, {r13, r14}^			/* the user sp, lr back, as PULLFRAME */
	mov	r0, r0				/* NOP for previous instruction */
	add	sp, sp, #8
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_IRQ | PSR_I)
	msr	cpsr_c, r0			/* back to IRQ mode, IRQs off */
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0, lr}
	movs	pc, lr				/* CPSR = SPSR_irq, resume */
	.endm

	IPLEMU_SOURCES INTRSTUB
