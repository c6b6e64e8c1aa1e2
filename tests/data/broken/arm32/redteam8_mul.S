/* red team 8: ARMv4 multiplies with S.  ARM ARM DDI 0100E §A4.1 MUL/MLA:
   "C Flag = unaffected" with the note that MULS/MLAS leave C unchanged
   "in ARMv5 and above. In earlier versions of the architecture, the value
   of the C flag was UNPREDICTABLE"; UMULL/SMULL/UMLAL/SMLAL: the C and V
   flags "were UNPREDICTABLE" before ARMv5.  The SA-1110 is ARMv4.
   unicorn (QEMU) writes only N and Z, so each flag keeps the CMP's value
   and the wrong path below never runs there. */
	.include "port.inc"
	.text

	.macro	HEAD
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	cmp	r0, r0				/* N=0 Z=1 C=1 V=0 */
	.endm
	.macro	TAIL
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
	.endm

	.globl	splraise_muls_c
splraise_muls_c:
	HEAD
	muls	r3, r1, r1			/* C UNPREDICTABLE (ARMv4) */
	movcc	pc, lr				/* WRONG: returns without raising */
	TAIL

	.globl	splraise_mlas_c
splraise_mlas_c:
	HEAD
	mlas	r3, r1, r1, r0
	movcc	pc, lr				/* WRONG */
	TAIL

	.globl	splraise_umulls_v
splraise_umulls_v:
	HEAD
	umulls	r3, ip, r1, r1			/* C and V UNPREDICTABLE (ARMv4) */
	movvs	pc, lr				/* WRONG */
	TAIL

	.globl	splraise_smulls_c
splraise_smulls_c:
	HEAD
	smulls	r3, ip, r1, r1
	movcc	pc, lr				/* WRONG */
	TAIL

	.globl	splraise_umlals_v
splraise_umlals_v:
	HEAD
	mov	r3, #0
	mov	ip, #0
	umlals	r3, ip, r1, r1
	movvs	pc, lr				/* WRONG */
	TAIL

	.globl	splraise_smlals_v
splraise_smlals_v:
	HEAD
	mov	r3, #0
	mov	ip, #0
	smlals	r3, ip, r1, r1
	movvs	pc, lr				/* WRONG */
	TAIL

/* CORRECT: MULS's N and Z are defined (Z = result == 0) */
	.globl	splraise_muls_z_ok
splraise_muls_z_ok:
	HEAD
	muls	r3, r1, r1
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr

/* The path only an interrupt leads to: splx with something pending that
   the new mask lets through; the replay is skipped on MULS's C. */
	.globl	splx_muls_c
splx_muls_c:
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0			/* pending & ~mask */
	moveq	pc, lr
	cmp	r2, #0				/* C=1 V=0 */
	muls	r3, r2, r2			/* C UNPREDICTABLE (ARMv4) */
	movcc	pc, lr				/* WRONG: replay skipped */
	b	footbridge_do_pending

	.globl	splx_umulls_v
splx_umulls_v:
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	cmp	r2, #0
	umulls	r3, ip, r2, r2			/* C and V UNPREDICTABLE (ARMv4) */
	movvs	pc, lr				/* WRONG: replay skipped */
	b	footbridge_do_pending
