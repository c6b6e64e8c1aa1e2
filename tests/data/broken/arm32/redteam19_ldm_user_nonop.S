/* BROKEN (red team 19 A, finding 7): the arm32 stubs of
   kernel_snippets/arm32/intr.S with a user-register save and restore
   added to the frame the way NetBSD's PUSHFRAMEINSVC and
   PULLFRAMEFROMSVCANDEXIT do it (`stmia/ldmia sp, {..r13, r14}^`), but
   the restore is not followed by the NOP NetBSD puts there
   (sys/arch/arm/include/arm32/frame.h 1.33.2.2: `mov r0, r0`,
   "NOP for previous instruction", after each): the very next
   instruction, `add sp, sp, #8`, accesses r13.  ARM ARM DDI 0100I
   §A4.1.21 LDM (2), Notes: "In ARM architecture versions earlier than
   ARMv6, this form of LDM must not be followed by an instruction that
   accesses banked registers. A following NOP is a good way to ensure
   this." (STM (2) likewise; the banked registers are R8 to R14, DDI
   0100E §A2.4).  The SA-110 of NetBSD/cats is ARMv4: UNPREDICTABLE, so
   no_fault fails (emu/backends/arm.py arm_unpredictable_after).
   Its correct twin is redteam19_ldm_user_nop.S. */
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
	add	sp, sp, #8			/* BUG: no NOP: reads banked r13_svc */
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
