/*
 * hppa interrupt stubs and handlers, written for iplemu after NetBSD/hp700's
 * trap code and hppa_intr() (sys/arch/hp700/hp700/intr.c).  One stub per
 * source, built from the sources listed in archs/hppa.yaml
 * (IPLEMU_SOURCES, port.inc).
 *
 * The CPU enters Xintr_<name> with PSW = 0 (I = Q = 0), IPSW = the
 * interrupted PSW (its N bit: the next instruction was nullified), the
 * queues IIAOQ/IIASQ = the interrupted front and back (PA-RISC 1.1 manual
 * ch. 5).  The stub saves what it will change in a frame above sp (the
 * stack grows upward), both queue entries and IPSW first, zeroes EIEM and
 * acknowledges its EIRR bit, then continues with the kernel's PSW (C, Q, P,
 * D, I: NetBSD's kpsw, archs/hppa.yaml cpu.reset) through an rfi, as
 * NetBSD's trap code goes back to virtual mode (EIEM = 0 still keeps
 * external interrupts out).  C, P and D are tracked bits only: the
 * interpreter translates no address.  hppa_intr: the source's spl bit goes into
 * ipending; when cpl lets anything pending through, intr_dispatch(cpl,
 * the interrupted EIEM) runs it.  The exit clears Q and I, puts the
 * queues, IPSW and EIEM back and returns with rfi.
 */
	.include "port.inc"

	.equiv	PSW_Q, 0x8
	.equiv	PSW_I, 0x1
	.equiv	KERNEL_PSW, 0x4000f	; C|Q|P|D|I: hp700 autoconf.c kpsw = Q|P|C|D, | I (cpu.reset)
	.equiv	F_R1, 0			; the frame, from the interrupted sp up
	.equiv	F_RP, 4
	.equiv	F_R19, 8		; r19..r26 at F_R19 + 4 * (n - 19)
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
	.equiv	FRAME, 192		; the saves, then a 64-byte frame marker area

	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
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
	ldil	L%(1 << \level), %r19
	ldo	R%(1 << \level)(%r19), %r19
	mtctl	%r19, %eirr		; acknowledge the line
	ldil	L%(1 << \bit), %r20
	b	Xintr_common
	ldo	R%(1 << \bit)(%r20), %r20	; the source's spl bit
	.endm

/* A handler reads count_<name> and adds one in scratch registers, as a
   C handler may clobber them, but stores nothing of its own: a state after
   it returns can then equal the state before it was taken (explored once).
   The engine sees each run at its entry address; the race scenario's own
   handlers count in count_<name>.

   Then it calls spl routines as every NetBSD driver handler does (s =
   splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
   it with reenter_arg_<name>, then reenter_restore_<name> with what it
   returned, through the pointers and by the port's ABI.  `check' sets the
   three words so that the routine under check is one of the two calls
   (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
   (run, race), and the handler calls nothing.  The pair leaves the
   priority as it found it, and what the calls leave on the stack is the
   free stack an interrupt's return poisons. */
/* The calls go through bv with rp set to the return by hand (ldil/ldo):
   no $$dyncall millicode; rp waits in the frame marker's Current RP,
   -20(sp), the callee's (this handler's) to write, and the 64-byte frame
   keeps sp 64-aligned at the calls. */
	.macro	HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.long	0
reenter_raise_\name:
	.long	0
reenter_arg_\name:
	.long	0
reenter_restore_\name:
	.long	0
	.text
	/* weak: a scenario file may supply its own */
	.weak	handler_\name
handler_\name:
	ldil	L%count_\name, %r1
	ldw	R%count_\name(%r1), %r19
	ldo	1(%r19), %r19
	ldil	L%reenter_raise_\name, %r1
	ldw	R%reenter_raise_\name(%r1), %r22
	comib,=,n 0, %r22, .Lhandler_done_\name
	stw	%rp, -20(%sp)
	ldo	64(%sp), %sp
	ldil	L%reenter_arg_\name, %r1
	ldw	R%reenter_arg_\name(%r1), %r26
	ldil	L%.Lhandler_raised_\name, %rp
	bv	%r0(%r22)		; s = raise(arg)
	ldo	R%.Lhandler_raised_\name(%rp), %rp
.Lhandler_raised_\name:
	ldil	L%reenter_restore_\name, %r1
	ldw	R%reenter_restore_\name(%r1), %r22
	copy	%r28, %r26
	ldil	L%.Lhandler_restored_\name, %rp
	bv	%r0(%r22)		; restore(s)
	ldo	R%.Lhandler_restored_\name(%rp), %rp
.Lhandler_restored_\name:
	ldw	-84(%sp), %rp
	ldo	-64(%sp), %sp
.Lhandler_done_\name:
	bv	%r0(%rp)
	nop
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER

	.text
/* Xintr_common: r1 = the frame, r20 = the source's spl bit.  Continue at
   Xintr_run with the kernel's PSW, C, Q, P, D and I set (EIEM = 0 still
   keeps interrupts out). */
	.weak	Xintr_common, Xintr_exit
Xintr_common:
	ldil	L%Xintr_run, %r19
	ldo	R%Xintr_run(%r19), %r19
	mtctl	%r19, %pcoq
	ldo	4(%r19), %r19
	mtctl	%r19, %pcoq
	mtctl	%r0, %pcsq
	mtctl	%r0, %pcsq
	ldil	L%KERNEL_PSW, %r19
	ldo	R%KERNEL_PSW(%r19), %r19
	mtctl	%r19, %ipsw
	rfi
	nop
/* hppa_intr: ipending |= bit; if (ipending & ~cpl) intr_dispatch(cpl,
   the interrupted EIEM). */
Xintr_run:
	ldil	L%ipending, %r19
	ldw	R%ipending(%r19), %r21
	or	%r21, %r20, %r21
	stw	%r21, R%ipending(%r19)
	ldil	L%cpl, %r19
	ldw	R%cpl(%r19), %arg0
	andcm,<> %r21, %arg0, %r0
	b,n	Xintr_exit
	bl	intr_dispatch, %rp
	ldw	F_EIEM(%r1), %arg1
/* Xintr_exit: Q and I off, then the queues, IPSW, EIEM and the
   registers back; rfi. */
Xintr_exit:
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
