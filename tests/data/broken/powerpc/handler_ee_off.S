/* The stubs of kernel_snippets/powerpc/intr.S with one change: they call
   their handler without turning MSR[EE] on, so no interrupt can preempt a
   handler, whatever its IPL. */
	.include "port.inc"

	.equ	PSL_EE, 0x8000
	.equ	PSL_ME, 0x1000
	.equ	PSL_IR, 0x20
	.equ	PSL_DR, 0x10
	.equ	PSL_RI, 0x2
	.equ	F_R0, 8			/* the stub's frame: back chain, LR save word, ... */
	.equ	F_R3, 12		/* r3..r12 at F_R3 + 4 * (n - 3) */
	.equ	F_LR, 52
	.equ	F_CTR, 56
	.equ	F_CR, 60
	.equ	F_XER, 64
	.equ	F_SRR0, 68
	.equ	F_SRR1, 72
	.equ	F_PCPL, 76		/* the interrupted cpl */
	.equ	FRAME, 96

/* Save what the stub and the C code it calls may change; SRR0/SRR1
   first, before anything can re-enable EE. */
	.macro SAVE_FRAME
	stwu	r1, -FRAME(r1)
	stw	r0, F_R0(r1)
	mfsrr0	r0
	stw	r0, F_SRR0(r1)
	mfsrr1	r0
	stw	r0, F_SRR1(r1)
	mflr	r0
	stw	r0, F_LR(r1)
	mfctr	r0
	stw	r0, F_CTR(r1)
	mfcr	r0
	stw	r0, F_CR(r1)
	mfxer	r0
	stw	r0, F_XER(r1)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
	stw	r\n, F_R3 + 4 * (\n - 3)(r1)
	.endr
	mfmsr	r5			/* INTRENTER: recoverable, translation on */
	ori	r5, r5, PSL_IR | PSL_DR | PSL_RI
	mtmsr	r5
	isync
	.endm

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	SAVE_FRAME
	lis	r9, cpl@ha
	lwz	r3, cpl@l(r9)
	stw	r3, F_PCPL(r1)
	lis	r4, (1 << \bit)@h
	ori	r4, r4, (1 << \bit)@l
	and.	r5, r3, r4
	beq	1f
	lis	r9, ipending@ha		/* blocked: pend it */
	lwz	r5, ipending@l(r9)
	or	r5, r5, r4
	stw	r5, ipending@l(r9)
	b	Xintr_exit
1:	lis	r4, \spl@h
	ori	r4, r4, \spl@l
	or	r4, r3, r4
	stw	r4, cpl@l(r9)		/* splraise(intrmask[irq]) */
	/* BUG: MSR[EE] left off: nothing preempts the handler */
	bl	handler_\name
	mfmsr	r5
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
	lwz	r3, F_PCPL(r1)
	lis	r9, cpl@ha
	stw	r3, cpl@l(r9)		/* cpl = pcpl */
	b	Xintr_tail
	.endm
	IPLEMU_SOURCES INTRSTUB
