/* Red team 15 (held before the fix): the modelled kernel's MSR was 0x9000
   (EE, ME; IR and DR clear), so a routine that writes MSR with a constant
   image holding just EE and ME changed nothing the model kept.

   rt_lower_msrconst (BROKEN): spllower that masks interrupts around its
   store/test with constant MSR images, `li r7, PSL_ME; mtmsr r7` ...
   `li r7, PSL_EE|PSL_ME; mtmsr r7`, instead of clearing and setting EE in
   the MSR it read.  NetBSD/macppc runs the kernel with EE, ME, IR, DR and
   RI set (sys/arch/macppc/macppc/machdep.c 1.64 initppc(): mfmsr; ori
   PSL_IR|PSL_DR|PSL_ME|PSL_RI; mtmsr, and EE at spl0; powerpc psl.h
   PSL_IR 0x20, PSL_DR 0x10, PSL_RI 0x2; archs/powerpc.yaml cpu.reset msr
   0x9032): these writes turn instruction and data translation (and RI)
   off for its caller.  Must fail preserves (abi.state msr&0xd070).

   rt_lower_msr_ok (CORRECT, its twin): the same routine with
   mfmsr / clear EE / mtmsr and the MSR it read written back.  Must hold. */
	.include "port.inc"
	.text
	.globl	rt_lower_msrconst
rt_lower_msrconst:
	li	r7, 0x1000		/* WRONG: PSL_ME alone, EE off and IR, DR, RI too */
	mtmsr	r7
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	li	r7, 0x1000
	ori	r7, r7, 0x8000		/* WRONG: PSL_EE|PSL_ME only */
	mtmsr	r7
	andc.	r5, r5, r3
	beq	1f
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r4, 8(r1)
	bl	do_pending_int
	lwz	r4, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	mr	r3, r4
	blr

	.globl	rt_lower_msr_ok
rt_lower_msr_ok:
	mfmsr	r6
	rlwinm	r7, r6, 0, 17, 15	/* EE off, the rest as it was */
	mtmsr	r7
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	stw	r3, cpl@l(r9)
	lis	r9, ipending@ha
	lwz	r5, ipending@l(r9)
	mtmsr	r6			/* the caller's MSR back */
	andc.	r5, r5, r3
	beq	1f
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	stw	r4, 8(r1)
	bl	do_pending_int
	lwz	r4, 8(r1)
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
1:	mr	r3, r4
	blr
