/* arm32 (footbridge) routines and stubs that break one clause of the spl
   contract each (issue 9); the property each must fail is named beside
   it.  Routines take an spl mask, as `check --routine' calls them. */
	.include "port.inc"

	.equ	PSR_MODE, 0x1f
	.equ	PSR_I, 0x80
	.equ	MODE_IRQ, 0x12
	.equ	MODE_SVC, 0x13

	.text
/* returns_previous: returns the new mask instead of the old one. */
	.globl	splraise_returns_new
splraise_returns_new:
	ldr	r2, =current_spl_level
	ldr	r1, [r2]
	orr	r0, r0, r1
	str	r0, [r2]
	mov	pc, lr				/* r0: the new mask */

/* preserves: keeps the old mask in r4, which belongs to the caller. */
	.globl	splraise_clobbers_r4
splraise_clobbers_r4:
	ldr	r2, =current_spl_level
	ldr	r4, [r2]
	orr	r1, r0, r4
	str	r1, [r2]
	mov	r0, r4
	mov	pc, lr

/* preserves (abi.state): leaves IRQs disabled in the CPSR. */
	.globl	spllower_leaves_irqs_off
spllower_leaves_irqs_off:
	mrs	r3, cpsr
	orr	r3, r3, #PSR_I
	msr	cpsr_c, r3
	b	_splx_body

/* no_fault: takes its argument for a pointer to the mask (splx(&s)). */
	.globl	splx_derefs
splx_derefs:
	ldr	r0, [r0]
	b	splx

_splx_body:
	ldr	r1, =current_spl_level
	ldr	r2, [r1]
	str	r0, [r1]
	mov	r0, r2
	mov	pc, lr

/* handler_priority: a clock stub that runs the handler without raising
   current_spl_level to the clock's IPL (IRQs on, in SVC mode). */
	.globl	Xintr_clock_lowers
Xintr_clock_lowers:
	sub	lr, lr, #4
	stmfd	sp!, {r0, lr}
	mrs	r0, spsr
	stmfd	sp!, {r0}
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #MODE_SVC		/* SVC mode, IRQs on: "let the others in" */
	msr	cpsr_c, r0
	stmfd	sp!, {r1-r3, ip, lr}
	bl	handler_clock
	ldmfd	sp!, {r1-r3, ip, lr}
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_IRQ | PSR_I)
	msr	cpsr_c, r0
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0, lr}
	movs	pc, lr

/* served_once: a clock stub that, blocked by current_spl_level, returns
   without marking the request pending: the request is lost. */
	.globl	Xintr_clock_drops
Xintr_clock_drops:
	sub	lr, lr, #4
	stmfd	sp!, {r0-r3, ip, lr}
	ldr	r0, =current_spl_level
	ldr	r0, [r0]
	tst	r0, #(1 << SRC_CLOCK_BIT)
	bne	1f				/* blocked: "later" */
	mrs	r0, spsr
	stmfd	sp!, {r0}
	bl	handler_clock
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
1:	ldmfd	sp!, {r0-r3, ip, lr}
	movs	pc, lr

/* defined_only: ors r1 into the new mask before setting it (r1 is
   scratch: undefined at the call). */
	.globl	spllower_stale_r1
spllower_stale_r1:
	orr	r0, r0, r1, lsl #31		/* WRONG: r1 was never set */
	b	_splx_body

/* defined_only: "already there" when C is set, and nothing here set the
   flags (CPSR N Z C V are undefined at a call: abi.scratch). */
	.globl	splraise_stale_c
splraise_stale_c:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	movcs	pc, lr				/* WRONG: C was never set */
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr

/* defined_only: a logical operation with S writes N and Z (and C, the
   shifter's carry-out) but leaves V (ARM ARM DDI 0100E §A4.1, AND: "V Flag =
   unaffected"): the movvc reads the caller's V. */
	.globl	splraise_v_after_ands
splraise_v_after_ands:
	mov	r1, r0				/* the mask to add */
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	ands	r3, r1, r1
	movvc	pc, lr				/* WRONG: V never written */
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr

/* defined_only, only after an interrupt: the ands writes N, Z and C; then
   count_clock (its handler counts the clock's runs) is read twice, and when
   it changed in between (the clock ran there) the routine branches on V,
   which nothing set (eors writes N, Z, C: §A4.1, EOR).  The baseline never
   reads V; a case delivering the clock between the reads does, and ends
   otherwise when V (never written since the call, though the flags beside
   it were) is flipped. */
	.globl	splraise_v_after_clock
splraise_v_after_clock:
	mov	r1, r0				/* the mask to add */
	ands	r1, r1, r1
	ldr	r3, =count_clock
	ldr	r2, [r3]
	ldr	r3, [r3]
	eors	r3, r3, r2			/* Z: no clock in between */
	beq	2f
	bvc	1f				/* WRONG: V never written */
2:	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
1:	ldr	r2, =current_spl_level		/* "already there" */
	ldr	r0, [r2]
	mov	pc, lr

/* The clock's handler for this file: it counts its runs in count_clock,
   which splraise_v_after_clock reads (the stock handler stores nothing). */
	.globl	handler_clock
handler_clock:
	ldr	r0, =count_clock
	ldr	r1, [r0]
	add	r1, r1, #1
	str	r1, [r0]
	mov	pc, lr

/* interrupt_transparent: a clock stub that saves no scratch register
   around the handler: r1 comes back with the handler's value. */
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	sub	lr, lr, #4
	stmfd	sp!, {r0, lr}
	mrs	r0, spsr
	stmfd	sp!, {r0}
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_SVC | PSR_I)
	msr	cpsr_c, r0
	stmfd	sp!, {r2, r3, ip, lr}		/* WRONG: r1 not saved */
	mov	r0, #(1 << SRC_CLOCK_BIT)
	ldr	r1, =(SRC_CLOCK_SPL | (1 << SRC_CLOCK_BIT))
	ldr	r2, =handler_clock
	bl	footbridge_intr_dispatch
	ldmfd	sp!, {r2, r3, ip, lr}
	mrs	r0, cpsr
	bic	r0, r0, #PSR_MODE
	orr	r0, r0, #(MODE_IRQ | PSR_I)
	msr	cpsr_c, r0
	ldmfd	sp!, {r0}
	msr	spsr_cxsf, r0
	ldmfd	sp!, {r0, lr}
	movs	pc, lr

/* Added by the red-team pass. */
/* handler_priority: a splx with its own replay, IRQs off around the
   claim, that runs each handler at the new level (meant: the source's
   level | the new level), so a lower source preempts it. */
	.macro	RUN_AT_NEW name, bit, level, spl, vector
	tst	r2, #(1 << \bit)
	beq	9f
	bic	r2, r2, #(1 << \bit)
	str	r2, [r1]
	msr	cpsr_c, r8
	bl	handler_\name		/* WRONG: at current_spl_level = r5 */
	b	1b
9:
	.endm
	.globl	splx_replay_at_new
splx_replay_at_new:
	stmfd	sp!, {r4-r8, lr}
	mrs	r8, cpsr
	ldr	r4, =current_spl_level
	mov	r5, r0
1:	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0
	str	r5, [r4]
	ldr	r1, =footbridge_ipending
	ldr	r2, [r1]
	bics	r3, r2, r5
	beq	2f
	IPLEMU_SOURCES RUN_AT_NEW
2:	msr	cpsr_c, r8
	ldmfd	sp!, {r4-r8, pc}

/* Correct: the same replay, each handler at its source's level | the new
   level. */
	.macro	RUN_AT_OWN name, bit, level, spl, vector
	tst	r3, #(1 << \bit)
	beq	9f
	bic	r2, r2, #(1 << \bit)
	str	r2, [r1]
	ldr	r0, =\spl
	orr	r0, r0, r5
	str	r0, [r4]
	msr	cpsr_c, r8
	bl	handler_\name
	b	1b
9:
	.endm
	.globl	splx_replay_ok
splx_replay_ok:
	stmfd	sp!, {r4-r8, lr}
	mrs	r8, cpsr
	ldr	r4, =current_spl_level
	mov	r5, r0
1:	orr	r0, r8, #PSR_I
	msr	cpsr_c, r0
	str	r5, [r4]
	ldr	r1, =footbridge_ipending
	ldr	r2, [r1]
	bics	r3, r2, r5
	beq	2f
	IPLEMU_SOURCES RUN_AT_OWN
2:	msr	cpsr_c, r8
	ldmfd	sp!, {r4-r8, pc}

/* no_fault: flips the CPSR mode to 0x0c, no mode (ARM ARM DDI 0100E
   §A2.2: any M[4:0] but the seven modes' is UNPREDICTABLE), which unicorn
   dropped silently: it held (red team 5). */
	.globl	splx_mode_reserved
splx_mode_reserved:
	mrs	r3, cpsr
	eor	r3, r3, #0x1f			/* WRONG: 0x13 -> 0x0c */
	msr	cpsr_c, r3
	b	splx

/* no_fault: a 26-bit mode (0x01, 26-bit FIQ), which this model does not
   have (unicorn dropped the write too). */
	.globl	splx_mode_26bit
splx_mode_26bit:
	mrs	r3, cpsr
	eor	r3, r3, #0x12			/* WRONG: 0x13 -> 0x01 */
	msr	cpsr_c, r3
	b	splx

/* no_fault: the same with an immediate operand, under a condition that
   holds (Z after the teq). */
	.globl	splx_mode_imm
splx_mode_imm:
	teq	r0, r0
	msreq	cpsr_c, #0xcc			/* WRONG: I, F, mode 0x0c */
	b	splx

/* CORRECT: the same MSR under a condition that fails: it writes nothing
   (ARM ARM §A3.2), so no mode is written. */
	.globl	splx_mode_skipped_ok
splx_mode_skipped_ok:
	teq	r0, r0
	msrne	cpsr_c, #0xcc			/* never runs */
	b	splx
