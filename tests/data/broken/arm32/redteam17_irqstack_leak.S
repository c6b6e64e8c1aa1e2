/* BROKEN: the interrupt stubs reserve 8 bytes on the IRQ-mode stack
   (r13_irq) at entry (alignment) and free them on the dispatch path's
   exit, but the blocked path (pend and return, done in IRQ mode) returns
   without the `add sp, sp, #8': every interrupt that arrives while blocked
   leaks 8 bytes of the IRQ stack, which eventually overflows into whatever
   lies below it.  The interrupted code's registers are all given back. */
	.include "port.inc"
	.equ	PSR_MODE, 0x1f
	.equ	PSR_I, 0x80
	.equ	MODE_IRQ, 0x12
	.equ	MODE_SVC, 0x13
	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	sub	lr, lr, #4
	sub	sp, sp, #8			/* keep the IRQ stack 8-byte aligned */
	stmfd	sp!, {r0, lr}
	mrs	r0, spsr
	stmfd	sp!, {r0}
	ldr	r0, =current_spl_level		/* blocked? pend it here, in IRQ mode */
	ldr	r0, [r0]
	tst	r0, #(1 << \bit)
	beq	1f
	stmfd	sp!, {r1}
	ldr	r0, =footbridge_ipending
	ldr	r1, [r0]
	orr	r1, r1, #(1 << \bit)
	str	r1, [r0]
	ldmfd	sp!, {r1}
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0, lr}
	movs	pc, lr				/* BUG: the 8 bytes reserved at entry stay */
1:	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_SVC | PSR_I)
	msr	cpsr_c, r0
	stmfd	sp!, {r1-r3, ip, lr}
	mov	r0, #(1 << \bit)
	ldr	r1, =(\spl | (1 << \bit))
	ldr	r2, =handler_\name
	bl	footbridge_intr_dispatch
	ldmfd	sp!, {r1-r3, ip, lr}
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_IRQ | PSR_I)
	msr	cpsr_c, r0
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0, lr}
	add	sp, sp, #8
	movs	pc, lr
	.endm
	IPLEMU_SOURCES INTRSTUB
