/* ARM IRQ entry and return, per ARM ARM (DDI 0100E) §A2.6, IRQ exception (test data):
   irq_probe records what the CPU's IRQ entry left in the IRQ bank and
   returns with `subs pc, lr, #4' (A4.1 SUB, S set and Rd = R15: CPSR := SPSR). */
	.text
	.globl	irq_target, irq_probe, irq_cpsr, irq_spsr, irq_lr, irq_svc_sp
/* the interrupted routine: four instructions that set the flags */
irq_target:
	mov	r0, #0
	adds	r1, r0, #0			/* Z = 1 */
	moveq	r0, #7				/* runs only if Z survived the IRQ */
	mov	pc, lr

irq_probe:
	ldr	r12, =irq_cpsr
	mrs	r11, cpsr
	str	r11, [r12]
	ldr	r12, =irq_spsr
	mrs	r11, spsr
	str	r11, [r12]
	ldr	r12, =irq_lr
	str	lr, [r12]
	subs	pc, lr, #4

	.data
	.align	2
irq_cpsr:	.word	0
irq_spsr:	.word	0
irq_lr:		.word	0
irq_svc_sp:	.word	0
