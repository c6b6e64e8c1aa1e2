/* BROKEN (my own variant of red team 39's redteam39_und_sp_scratch.S):
   _splraise that keeps the old level in R8 of FIQ mode, switching to FIQ
   mode with IRQ and FIQ off.  R8-R14 are banked for FIQ mode (ARM ARM DDI
   0100E §A2.3, Figure 2-1) so that a FIQ handler needs no register saving
   (§A2.6): NetBSD keeps a claimed FIQ handler's state there between FIQs
   (sys/arch/arm/arm/fiq.c fiq_claim: fiq_setregs), which the routine
   overwrites.  Fails preserves naming r8_fiq (archs/arm32.yaml
   abi.foreign). */
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
	orr	r12, r12, #0x11			/* FIQ mode, I and F off */
	msr	cpsr_c, r12
	nop
	mov	r8, r0				/* WRONG: R8_fiq is the FIQ handler's */
	str	r1, [r2]
	mov	r0, r8
	msr	cpsr_c, r3
	nop
	mov	pc, lr
	.ltorg
