/* red team 20 A (correct, candidate false fail): hppa stubs that, as
   NetBSD hp700's hppa_intr does, read EIRR, write back what they read
   (acknowledging every line that requests, PA-RISC 1.1 manual ch. 2: a 1
   written clears the bit) and turn every line read into its ipending bit,
   then go on as the port's stub (Xintr_common: ipending |= bits; dispatch
   what cpl lets through, intr_dispatch).  Unlike eirr_ack_read.S (which
   pends only its own source), no request read is dropped. */
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

	.macro	LINE_TO_BIT name, bit, level, spl, vector
	ldil	L%(1 << \level), %r22
	ldo	R%(1 << \level)(%r22), %r22
	and,<>	%r21, %r22, %r0		; this line was read?
	b,n	1f
	ldil	L%(1 << \bit), %r23
	ldo	R%(1 << \bit)(%r23), %r23
	or	%r20, %r23, %r20
1:
	.endm

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
	mfctl	%eirr, %r21
	mtctl	%r21, %eirr		; acknowledge every line read (hppa_intr)
	ldil	L%(1 << \bit), %r20
	ldo	R%(1 << \bit)(%r20), %r20	; its own spl bit
	IPLEMU_SOURCES LINE_TO_BIT	; and every other line read
	b,n	Xintr_common
	.endm

	IPLEMU_SOURCES INTRSTUB
