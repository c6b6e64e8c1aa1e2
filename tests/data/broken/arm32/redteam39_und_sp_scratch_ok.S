/* CORRECT (red team 39): redteam39_und_sp_scratch.S's twin.  The same
   switch to undefined mode with IRQ and FIQ off, R13_und used as a scratch
   register there, but its value (NetBSD's undefined-mode stack, ARM ARM
   DDI 0100E §A2.3 and §A2.6) kept in r12 and given back before the routine
   leaves the mode: no exception that runs on R13_und is entered in between
   (the routine executes no undefined instruction, IRQ and FIQ are off, an
   abort runs on R13_abt), so none sees the scratch value.  Holds. */
	.include "port.inc"
	.text
	.globl	rt_splraise
rt_splraise:
	mrs	r3, cpsr
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	orr	r12, r3, #0xc0
	bic	r12, r12, #0x1f
	orr	r12, r12, #0x1b			/* UND mode, I and F off */
	msr	cpsr_c, r12
	nop
	mov	r12, sp				/* keep R13_und */
	mov	sp, r0
	str	r1, [r2]
	mov	r0, sp
	mov	sp, r12				/* give it back */
	msr	cpsr_c, r3
	nop
	mov	pc, lr
	.ltorg
