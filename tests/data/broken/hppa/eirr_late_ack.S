/* A clock stub that acknowledges its EIRR line only after the dispatch
   (test data for the latched EIRR model).  The dispatcher runs the handler
   with PSW[I] = 1 and the interrupted EIEM (intr_dispatch), so while the
   line's bit is still set the CPU takes the clock again at once (PA-RISC
   1.1 manual ch. 5, external interrupts: taken while PSW[I] = 1 and
   EIRR & EIEM != 0): the nested stub pends it (cpl blocks the clock
   there), and the dispatcher runs the clock's handler a second time for
   one request (served_once).  Otherwise as kernel_snippets/hppa/intr.S. */
	.include "port.inc"

	.text
	.globl	Xintr_clock_late
Xintr_clock_late:
	mtctl	%r1, %tr2
	copy	%sp, %r1
	ldo	192(%sp), %sp		; intr.S's FRAME
	stw	%rp, 4(%r1)
	.irp	n, 19, 20, 21, 22, 23, 24, 25, 26
	stw	%r\n, 8 + 4 * (\n - 19)(%r1)
	.endr
	stw	%r28, 40(%r1)
	stw	%r29, 44(%r1)
	stw	%r31, 48(%r1)
	mfctl	%tr2, %r19
	stw	%r19, 0(%r1)
	mfctl	%sar, %r19
	stw	%r19, 52(%r1)
	mfctl	%pcoq, %r19		; the queues: front, then back
	stw	%r19, 56(%r1)
	mtctl	%r0, %pcoq
	mfctl	%pcoq, %r19
	stw	%r19, 60(%r1)
	mfctl	%pcsq, %r19
	stw	%r19, 64(%r1)
	mtctl	%r0, %pcsq
	mfctl	%pcsq, %r19
	stw	%r19, 68(%r1)
	mfctl	%ipsw, %r19
	stw	%r19, 72(%r1)
	mfctl	%eiem, %r19
	stw	%r19, 76(%r1)
	mtctl	%r0, %eiem		; no external interrupt until dispatched
	ldil	L%(1 << SRC_CLOCK_BIT), %r20
	ldo	R%(1 << SRC_CLOCK_BIT)(%r20), %r20	; the clock's spl bit
	ldil	L%late_run, %r19	; on with the kernel's PSW, as Xintr_common
	ldo	R%late_run(%r19), %r19
	mtctl	%r19, %pcoq
	ldo	4(%r19), %r19
	mtctl	%r19, %pcoq
	mtctl	%r0, %pcsq
	mtctl	%r0, %pcsq
	ldil	L%0x4000f, %r19		; C|Q|P|D|I
	ldo	R%0x4000f(%r19), %r19
	mtctl	%r19, %ipsw
	rfi
	nop
late_run:				; intr.S's Xintr_run
	ldil	L%ipending, %r19
	ldw	R%ipending(%r19), %r21
	or	%r21, %r20, %r21
	stw	%r21, R%ipending(%r19)
	ldil	L%cpl, %r19
	ldw	R%cpl(%r19), %arg0
	andcm,<> %r21, %arg0, %r0
	b,n	late_ack
	bl	intr_dispatch, %rp
	ldw	76(%r1), %arg1
late_ack:
	ldil	L%(1 << SRC_CLOCK_LEVEL), %r19
	ldo	R%(1 << SRC_CLOCK_LEVEL)(%r19), %r19
	mtctl	%r19, %eirr		; WRONG: acknowledged after the dispatch
	b,n	Xintr_exit
