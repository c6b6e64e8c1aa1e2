/* interrupt_transparent: the interrupt exit gives CR back from the frame,
   then sets CR3's EQ bit (a compare into cr3 after the restore, as a
   stub's last test might leave it).  CR2-CR4 are nonvolatile (SVR4
   PowerPC ABI, abi.state cr:0x00fff000) and no interrupt changes CR (the
   Bus Interface manual Table 5-9: SRR0, SRR1, MSR only): the interrupted
   code gets a CR3 it never wrote.  interrupt_transparent held while it
   left abi.state out: only `preserves` saw it, at the routine's return.
   Xintr_tail falls through to Xintr_exit in kernel_snippets/powerpc/intr.S:
   both are replaced, the frame layout is the stock stub's. */
	.include "port.inc"

	.equ	PSL_EE, 0x8000
	.equ	F_R0, 8
	.equ	F_R3, 12
	.equ	F_LR, 52
	.equ	F_CTR, 56
	.equ	F_CR, 60
	.equ	F_XER, 64
	.equ	F_SRR0, 68
	.equ	F_SRR1, 72
	.equ	F_PCPL, 76
	.equ	FRAME, 96

	.text
	.globl	Xintr_tail, Xintr_exit
Xintr_tail:
	mfmsr	r5
	ori	r5, r5, PSL_EE
	mtmsr	r5
	lwz	r3, F_PCPL(r1)
	bl	splx
	mfmsr	r5
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
Xintr_exit:
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
	lwz	r\n, F_R3 + 4 * (\n - 3)(r1)
	.endr
	lwz	r0, F_XER(r1)
	mtxer	r0
	lwz	r0, F_CR(r1)
	mtcr	r0
	crset	4*cr3+eq		/* WRONG: CR3 is the interrupted code's */
	lwz	r0, F_CTR(r1)
	mtctr	r0
	lwz	r0, F_LR(r1)
	mtlr	r0
	lwz	r0, F_SRR1(r1)
	mtsrr1	r0
	lwz	r0, F_SRR0(r1)
	mtsrr0	r0
	lwz	r0, F_R0(r1)
	addi	r1, r1, FRAME
	rfi
