/*
 * arm32 (footbridge) spl routines, written for iplemu after NetBSD's
 * footbridge design (sys/arch/arm/footbridge/footbridge_intr.h 1.4,
 * footbridge_irqhandler.c 1.9, 2003):
 *
 *   current_spl_level   a mask of blocked interrupt bits (the priority)
 *   footbridge_imask[]  the mask of each IPL_* (indexed by the IPL number)
 *   footbridge_ipending interrupt bits that arrived while blocked
 *
 * _splraise(ipl) and _spllower(ipl) take an IPL_* number and return the
 * previous mask; splx(mask) takes such a mask and returns nothing.  The
 * CPSR I bit only gates the IRQ line; it is clear at every spl.
 * APCS: arguments in r0-r3, result in r0, r0-r3/r12 scratch, r4-r11 kept;
 * ARMv4 (SA-110): return with `mov pc, lr' (no bx).
 */
	.include "port.inc"

	.equ	PSR_I, 0x80			/* CPSR IRQ disable (ARM ARM A2.5) */

	.data
	.align	2
	.globl	current_spl_level, footbridge_ipending, footbridge_imask
current_spl_level:	.word	0
footbridge_ipending:	.word	0
/* footbridge_imask[IPL_*], as footbridge_intr_calculate_masks() builds it
   for the sources of archs/arm32.yaml (SPL_* from port.inc) */
footbridge_imask:
	.word	SPL_NONE, SPL_SOFT, SPL_SOFTCLOCK, SPL_SOFTNET, SPL_BIO, SPL_NET
	.word	SPL_SOFTSERIAL, SPL_TTY, SPL_VM, SPL_AUDIO, SPL_CLOCK
	.word	SPL_STATCLOCK, SPL_HIGH, SPL_SERIAL

	.text
/* int _splraise(int ipl): old = current_spl_level;
   current_spl_level |= footbridge_imask[ipl]; return old. */
	.weak	_splraise
_splraise:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr

/* void splx(int mask): current_spl_level = mask; then run what is
   pending and no longer blocked (footbridge_splx). */
	.weak	splx
splx:
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0			/* pending & ~mask */
	moveq	pc, lr
	b	footbridge_do_pending

/* int _spllower(int ipl): old = current_spl_level;
   splx(footbridge_imask[ipl]); return old. */
	.weak	_spllower
_spllower:
	stmfd	sp!, {r4, lr}
	ldr	r1, =current_spl_level
	ldr	r4, [r1]
	ldr	r1, =footbridge_imask
	ldr	r0, [r1, r0, lsl #2]
	bl	splx
	mov	r0, r4
	ldmfd	sp!, {r4, pc}

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

	.weak	footbridge_do_pending
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

/* int spl0(void), int splhigh(void): set current_spl_level to
   footbridge_imask[IPL_NONE] or [IPL_HIGH], whatever it was, running what
   the new level leaves pending and unblocked (_spllower does both);
   return the old level.  footbridge_intr.h 1.4: spl0() is
   (void)_spllower(IPL_NONE); splhigh() is _splraise(IPL_HIGH), which from
   IPL_SERIAL (above IPL_HIGH here) stays there: this one sets IPL_HIGH
   exactly, the contract of a `set` routine (archs/README.md). */
	.weak	spl0
spl0:
	mov	r0, #IPL_NONE
	b	_spllower

	.weak	splhigh
splhigh:
	mov	r0, #IPL_HIGH
	b	_spllower
