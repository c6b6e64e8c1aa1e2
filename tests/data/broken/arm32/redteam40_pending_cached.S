/* BROKEN (red team 40 B): arm32 footbridge_do_pending (replacing the
   port's through its weak symbol) that keeps a copy of footbridge_ipending
   in a register, as C code caching it does (pend = ipending; ...; pend &=
   ~bit; ipending = pend;), reading it again only when the copy has no
   runnable bit left.  Each store is made with IRQs off, but the copy goes
   stale across a handler run with IRQs on: a source pended meanwhile that
   the level still blocks is wiped by the next claim's store of the copy
   (served_once: its request neither served nor pending).  Needs two
   runnable bits in one copy and a third request pended during the first
   handler: a request pending at the call and two more (depth 2).
   Correct twin: arm32_pending_cached_ok.S (the port's code). */
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
	stmfd	sp!, {r4-r9, lr}
	mrs	r8, cpsr			/* oldirqstate */
	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0			/* disable_interrupts(I32_bit) */
	ldr	r4, =current_spl_level
	ldr	r5, [r4]			/* the level to come back to */
0:	ldr	r1, =footbridge_ipending
	ldr	r9, [r1]			/* pend = ipending: read once */
1:	ldr	r1, =footbridge_ipending
	bics	r2, r9, r5			/* runnable = pend & ~level */
	beq	4f
	IPLEMU_SOURCES PENDING_TEST
	b	3f				/* a bit no source owns: left alone */
	IPLEMU_SOURCES PENDING_RUN
2:	bic	r9, r9, r6
	str	r9, [r1]			/* ipending = pend &= ~bit (stale after a handler) */
	orr	r7, r7, r5
	str	r7, [r4]			/* run at the source's IPL */
	msr	cpsr_c, r8			/* restore_interrupts() */
	mov	lr, pc
	mov	pc, ip				/* the handler (ARMv4: no blx) */
	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0
	str	r5, [r4]			/* back to the level */
	b	1b
4:	ldr	r2, [r1]			/* pend used up: look again */
	bics	r2, r2, r5
	bne	0b
3:	msr	cpsr_c, r8
	ldmfd	sp!, {r4-r9, pc}

