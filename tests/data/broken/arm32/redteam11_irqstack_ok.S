/* A serial stub that never leaves IRQ mode: it runs on the IRQ stack with
   IRQs off from entry to its return, so nothing nests and R14_irq and
   SPSR_irq stay its own.  Blocked by current_spl_level, serial is
   pended; otherwise its handler runs with serial's mask added and the
   level is put back.  Serial is the highest IPL (IPL_SERIAL above
   IPL_HIGH), so IRQs off hold back nothing its priority lets in (a
   lower source's stub doing the same fails handler_priority).  Correct: it failed (the stack below an IRQ-mode sp
   was taken for the interrupted stack's free part and poisoned after the
   handler's return, and SPSR_irq got the poison meant for SPSR_svc). */
	.include "port.inc"
	.text
	.globl	Xintr_serial
Xintr_serial:
	sub	lr, lr, #4
	stmfd	sp!, {r0-r3, ip, lr}		@ the C handler's scratch and the return
	ldr	ip, =current_spl_level
	ldr	r0, [ip]
	tst	r0, #(1 << 2)			@ serial's bit
	ldrne	r1, =footbridge_ipending
	ldrne	r2, [r1]
	orrne	r2, r2, #(1 << 2)
	strne	r2, [r1]
	bne	9f
	stmfd	sp!, {r0, ip}			@ the level to put back (8 bytes: aligned)
	ldr	r1, =(SPL_SERIAL | (1 << 2))
	orr	r1, r1, r0
	str	r1, [ip]
	bl	handler_serial			@ SPSR_irq untouched: C code, IRQs off
	ldmfd	sp!, {r0, ip}
	str	r0, [ip]
9:	ldmfd	sp!, {r0-r3, ip, pc}^		@ CPSR := SPSR_irq
