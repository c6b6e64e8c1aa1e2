/* BROKEN (red team 17, F3; held before EIRR latched its requests): the
   stubs never acknowledge their line in EIRR (the mtctl of the line's bit
   to EIRR is missing).  The bit stays set, so once the stub returns with
   PSW[I] = 1 and the line's EIEM bit set, the CPU takes the same interrupt
   again (PA-RISC 1.1 manual ch. 5: an external interrupt is taken while
   PSW[I] = 1 and EIRR & EIEM != 0), and again: an interrupt storm, which
   check reports as a runaway (no_fault). */
	.include "port.inc"
	.equiv	F_R1, 0
	.equiv	F_RP, 4
	.equiv	F_R19, 8
	.equiv	F_R28, 40
	.equiv	F_R29, 44
	.equiv	F_R31, 48
	.equiv	F_SAR, 52
	.equiv	F_PCOQH, 56
	.equiv	F_PCOQT, 60
	.equiv	F_PCSQH, 64
	.equiv	F_PCSQT, 68
	.equiv	F_IPSW, 72
	.equiv	F_EIEM, 76
	.equiv	FRAME, 192
	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	mtctl	%r1, %tr2		; a register for the frame base
	copy	%sp, %r1
	ldo	FRAME(%sp), %sp
	stw	%rp, F_RP(%r1)
	.irp	n, 19, 20, 21, 22, 23, 24, 25, 26
	stw	%r\n, F_R19 + 4 * (\n - 19)(%r1)
	.endr
	stw	%r28, F_R28(%r1)
	stw	%r29, F_R29(%r1)
	stw	%r31, F_R31(%r1)
	mfctl	%tr2, %r19
	stw	%r19, F_R1(%r1)
	mfctl	%sar, %r19
	stw	%r19, F_SAR(%r1)
	mfctl	%pcoq, %r19		; the queues: front, then back
	stw	%r19, F_PCOQH(%r1)
	mtctl	%r0, %pcoq
	mfctl	%pcoq, %r19
	stw	%r19, F_PCOQT(%r1)
	mfctl	%pcsq, %r19
	stw	%r19, F_PCSQH(%r1)
	mtctl	%r0, %pcsq
	mfctl	%pcsq, %r19
	stw	%r19, F_PCSQT(%r1)
	mfctl	%ipsw, %r19
	stw	%r19, F_IPSW(%r1)
	mfctl	%eiem, %r19
	stw	%r19, F_EIEM(%r1)
	mtctl	%r0, %eiem		; no external interrupt until dispatched
					; BUG: EIRR never acknowledged
	ldil	L%(1 << \bit), %r20
	b	Xintr_common
	ldo	R%(1 << \bit)(%r20), %r20	; the source's spl bit
	.endm
	IPLEMU_SOURCES INTRSTUB
