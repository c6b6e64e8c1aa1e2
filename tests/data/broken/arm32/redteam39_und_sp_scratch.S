/* BROKEN (red team 39): _splraise that keeps the old level in R13_und,
   "free while we are in SVC", switching to undefined mode (M[4:0] 0b11011)
   with IRQ and FIQ off and leaving its own value there.  R13 is banked per
   exception mode (ARM ARM DDI 0100E §A2.3, Figure 2-1, Register
   organization) and an Undefined Instruction exception runs on that mode's
   R13 (§A2.6): NetBSD's initarm sets it once (set_stackptr(PSR_UND32_MODE,
   ...)) and the undefined entry writes through it before leaving the mode
   (arm32 frame.h PUSHFRAMEINSVC: stmdb sp, {r0-r3} in the exception mode),
   so the next undefined instruction (FPE, a ddb breakpoint) pushes its frame
   to a garbage address.  Fails preserves naming sp_und (archs/arm32.yaml
   abi.state); the model read and wrote only the IRQ bank before, and the
   routine held. */
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
	mov	sp, r0				/* WRONG: R13_und is the kernel's */
	str	r1, [r2]
	mov	r0, sp
	msr	cpsr_c, r3
	nop
	mov	pc, lr
	.ltorg
