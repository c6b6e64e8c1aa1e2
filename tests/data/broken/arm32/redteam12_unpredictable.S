/* red team 12 (held): ARMv4 encodings the manual makes UNPREDICTABLE ran
   as if defined (ARM ARM DDI 0100E; the emulator runs them).  Each BROKEN
   routine has a CORRECT twin (_ok): the same operation with distinct
   registers. */
	.include "port.inc"
	.text

/* BROKEN (no_fault): LDR with write-back and Rd == Rn (§A4.1 LDR,
   Operand restrictions) */
	.globl	splraise_ldr_wb
splraise_ldr_wb:
	ldr	r1, =footbridge_imask
	add	r3, r0, #0
	ldr	r1, [r1, r3, lsl #2]!
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

	.globl	splraise_ldr_wb_ok
splraise_ldr_wb_ok:
	ldr	r1, =footbridge_imask
	add	r3, r0, #0
	ldr	r3, [r1, r3, lsl #2]!		/* r1 := &imask[ipl], r3 := imask[ipl] */
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r3, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

/* BROKEN (no_fault): LDM with write-back and the base in the list (§A4.1
   LDM (1), Operand restrictions) */
	.globl	splraise_ldm_wb_base
splraise_ldm_wb_base:
	ldr	r1, =footbridge_imask
	add	r1, r1, r0, lsl #2
	ldr	r2, =current_spl_level
	ldmia	r1!, {r1}
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

	.globl	splraise_ldm_wb_ok
splraise_ldm_wb_ok:
	ldr	r1, =footbridge_imask
	add	r1, r1, r0, lsl #2
	ldr	r2, =current_spl_level
	ldmia	r1!, {r3}
	ldr	r0, [r2]
	orr	r1, r3, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

/* BROKEN (no_fault): SWP with Rn == Rd (§A4.1 SWP, Operand restrictions);
   GNU as refuses it, hence the word */
	.globl	splx_swp_rn_rd
splx_swp_rn_rd:
	ldr	r1, =current_spl_level
	.word	0xe1011090			/* swp r1, r0, [r1] */
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	b	footbridge_do_pending
	.ltorg

	.globl	splx_swp_ok
splx_swp_ok:
	ldr	r1, =current_spl_level
	swp	r3, r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	b	footbridge_do_pending
	.ltorg

/* BROKEN (no_fault): R15 as an operand with a register-specified shift
   (§A5.1, Data-processing operands - Register shifts) */
	.globl	splraise_pc_regshift
splraise_pc_regshift:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	mov	r3, #32
	add	r3, pc, r3, lsr r3
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

	.globl	splraise_regshift_ok
splraise_regshift_ok:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	mov	r3, #32
	add	r3, ip, r3, lsr r3
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

/* BROKEN (no_fault): STR with write-back and Rd == Rn, a push of SP
   (§A4.1 STR, Operand restrictions) */
	.globl	splx_str_wb
splx_str_wb:
	str	sp, [sp, #-4]!
	add	sp, sp, #4
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	b	footbridge_do_pending
	.ltorg

	.globl	splx_str_wb_ok
splx_str_wb_ok:
	str	lr, [sp, #-4]!
	add	sp, sp, #4
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	b	footbridge_do_pending
	.ltorg

/* BROKEN (no_fault): MRS of the SPSR in System mode, which has none
   (§A4.1 MRS: UNPREDICTABLE in User and System mode) */
	.globl	splraise_sys_spsr
splraise_sys_spsr:
	mrs	ip, cpsr
	orr	r3, ip, #0x1f			/* System mode */
	msr	cpsr_c, r3
	mrs	r3, spsr
	msr	cpsr_c, ip			/* back */
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg

	.globl	splraise_sys_cpsr_ok
splraise_sys_cpsr_ok:
	mrs	ip, cpsr
	orr	r3, ip, #0x1f			/* System mode */
	msr	cpsr_c, r3
	mrs	r3, cpsr
	msr	cpsr_c, ip			/* back */
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.ltorg
