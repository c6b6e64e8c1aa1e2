/*
 * arm32 (footbridge) interrupt stubs and handlers, written for iplemu
 * after NetBSD's arm32 irq_entry (sys/arch/arm/arm32/irq_dispatch.S:
 * PUSHFRAMEINSVC, the dispatcher, PULLFRAMEFROMSVCANDEXIT) and
 * footbridge_intr_dispatch() (footbridge_irqhandler.c 1.9, 2003).  One
 * stub per source of archs/arm32.yaml (IPLEMU_SOURCES, port.inc).
 *
 * The CPU enters Xintr_<name> in IRQ mode with I=1, R14_irq = the
 * interrupted instruction + 4 and SPSR_irq = the interrupted CPSR (ARM ARM
 * A2.6, IRQ exception).  The stub keeps R14_irq and SPSR_irq on the IRQ stack before
 * anything can enable IRQs again (a nested IRQ overwrites both: they are
 * banked per mode, not per interrupt), then runs the dispatcher in SVC
 * mode, on the interrupted code's stack, and returns with `movs pc, lr',
 * which copies SPSR_irq back into the CPSR (ARM ARM A4.1 MOV, S bit
 * with Rd = PC).
 */
	.include "port.inc"

	.equ	PSR_MODE, 0x1f
	.equ	PSR_I, 0x80
	.equ	MODE_IRQ, 0x12
	.equ	MODE_SVC, 0x13

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	sub	lr, lr, #4			/* the interrupted instruction */
	stmfd	sp!, {r0, lr}			/* IRQ stack: r0, return address */
	mrs	r0, spsr
	stmfd	sp!, {r0}			/* IRQ stack: the interrupted CPSR */
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_SVC | PSR_I)
	msr	cpsr_c, r0			/* SVC mode, IRQs still off */
	stmfd	sp!, {r1-r3, ip, lr}		/* APCS scratch and the SVC lr */
	mov	r0, #(1 << \bit)
	ldr	r1, =(\spl | (1 << \bit))	/* iq_mask: the source's IPL and itself */
	ldr	r2, =handler_\name
	bl	footbridge_intr_dispatch
	ldmfd	sp!, {r1-r3, ip, lr}
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_IRQ | PSR_I)
	msr	cpsr_c, r0			/* back to IRQ mode, IRQs off */
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0, lr}
	movs	pc, lr				/* CPSR = SPSR_irq, resume */
	.endm

	.text
/*
 * footbridge_intr_dispatch(bit, iq_mask, handler), SVC mode, IRQs off:
 * blocked by current_spl_level: mark it pending and return (the line stays
 * disabled until splx replays it); else run the handler at
 * current_spl_level | iq_mask with IRQs on, restore the level, and run
 * what became runnable (footbridge_do_pending).
 */
	.weak	footbridge_intr_dispatch
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
	bic	r0, r6, #PSR_I
	msr	cpsr_c, r0			/* enable_interrupts(I32_bit) */
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

/* A handler reads count_<name> and adds one in scratch registers, as a
   C handler may clobber them, but stores nothing of its own: a state after
   it returns can then equal the state before it was taken (explored once).
   The engine sees each run at its entry address; the race scenario's own
   handlers count in count_<name>.

   Then it calls spl routines as every NetBSD driver handler does (s =
   splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
   it with reenter_arg_<name>, then reenter_restore_<name> with what it
   returned, through the pointers and by the port's ABI.  `check' sets the
   three words so that the routine under check is one of the two calls
   (emu/reenter.py: the statclock's and softclock's handlers); they are 0 otherwise
   (run, race), and the handler calls nothing.  The pair leaves the
   priority as it found it, and what the calls leave on the stack is the
   free stack an interrupt's return poisons. */
/* The three words lie one after another: it reaches them from r4, a
   register the callees keep (APCS), as it keeps lr, on the stack. */
	.macro HANDLER name, bit, level, spl, vector
	.data
	.align	2
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.word	0
reenter_raise_\name:
	.word	0
reenter_arg_\name:
	.word	0
reenter_restore_\name:
	.word	0
	.text
	.weak	handler_\name			/* a scenario file may supply its own */
handler_\name:
	ldr	r0, =count_\name
	ldr	r1, [r0]
	add	r1, r1, #1
	ldr	r3, =reenter_raise_\name
	ldr	r2, [r3]
	cmp	r2, #0
	moveq	pc, lr
	stmfd	sp!, {r4, lr}
	mov	r4, r3
	ldr	r0, [r4, #4]			/* reenter_arg */
	mov	lr, pc
	mov	pc, r2				/* s = raise(arg) */
	ldr	r2, [r4, #8]			/* reenter_restore; s is in r0 */
	mov	lr, pc
	mov	pc, r2				/* restore(s) */
	ldmfd	sp!, {r4, pc}
	.ltorg
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
