/* interrupt_transparent: an interrupt exit that clears PSW[N] in the
   IPSW it gives to RFI.  An interruption taken just before a nullified
   instruction saves N = 1 in IPSW and RFI restores it, so the instruction
   stays nullified (PA-RISC 1.1 manual ch. 4 nullification, ch. 5 RFI);
   this exit drops N and the interrupted code runs what it meant to skip.
   splraise_skips_same below reaches two such boundaries: the slot its
   bv,n nullifies (whatever the IPLs), and, raising to what is already
   blocked, the store its taken forward comb,=,n nullifies (a store of the
   same value).  What runs there changes nothing the caller keeps, so the
   routine held every clause while PSW[N] was not compared (defined_only
   now fails beside interrupt_transparent: the message names the PSW with
   its C/B poison, which differs between the two worlds).  Xintr_run falls through to
   Xintr_exit in kernel_snippets/hppa/intr.S: Xintr_common (weak) is
   replaced to reach copies of both; the frame is the stock stub's. */
	.include "port.inc"

	.equiv	PSW_Q, 0x8
	.equiv	PSW_I, 0x1
	.equiv	PSW_N, 0x00200000
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

	.text
/* splraise, storing cpl only when the raise changes it */
	.globl	splraise_skips_same
splraise_skips_same:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	comb,=,n %r19, %ret0, 1f	; nothing new blocked: skip the store
	stw	%r19, R%cpl(%r1)
1:	bv,n	%r0(%rp)

	.globl	Xintr_common
Xintr_common:
	ldil	L%Xintr_run_n, %r19
	ldo	R%Xintr_run_n(%r19), %r19
	mtctl	%r19, %pcoq
	ldo	4(%r19), %r19
	mtctl	%r19, %pcoq
	mtctl	%r0, %pcsq
	mtctl	%r0, %pcsq
	ldi	PSW_Q | PSW_I, %r19
	mtctl	%r19, %ipsw
	rfi
	nop
Xintr_run_n:
	ldil	L%ipending, %r19
	ldw	R%ipending(%r19), %r21
	or	%r21, %r20, %r21
	stw	%r21, R%ipending(%r19)
	ldil	L%cpl, %r19
	ldw	R%cpl(%r19), %arg0
	andcm,<> %r21, %arg0, %r0
	b,n	Xintr_exit_n
	bl	intr_dispatch, %rp
	ldw	F_EIEM(%r1), %arg1
Xintr_exit_n:
	rsm	PSW_Q | PSW_I, %r0
	ldo	-FRAME(%sp), %r1
	ldw	F_PCOQH(%r1), %r19
	mtctl	%r19, %pcoq
	ldw	F_PCOQT(%r1), %r19
	mtctl	%r19, %pcoq
	ldw	F_PCSQH(%r1), %r19
	mtctl	%r19, %pcsq
	ldw	F_PCSQT(%r1), %r19
	mtctl	%r19, %pcsq
	ldw	F_IPSW(%r1), %r19
	ldil	L%PSW_N, %r20
	andcm	%r19, %r20, %r19	; WRONG: the interrupted PSW[N] is dropped
	mtctl	%r19, %ipsw
	ldw	F_EIEM(%r1), %r19
	mtctl	%r19, %eiem
	ldw	F_SAR(%r1), %r19
	mtsar	%r19
	ldw	F_RP(%r1), %rp
	.irp	n, 19, 20, 21, 22, 23, 24, 25, 26
	ldw	F_R19 + 4 * (\n - 19)(%r1), %r\n
	.endr
	ldw	F_R28(%r1), %r28
	ldw	F_R29(%r1), %r29
	ldw	F_R31(%r1), %r31
	copy	%r1, %sp
	ldw	F_R1(%r1), %r1
	rfi
	nop
