/* Deliberately broken hppa spl routines (test data), linked with
   kernel_snippets/hppa, whose cpl, ipending and intr_dispatch they use. */
	.include "port.inc"

	.text
/* no_window: stores the argument instead of cpl | argument, so raising
   from a higher level lowers (before the return, so that sources are
   let in while the routine still runs). */
	.globl	splraise_lowers
splraise_lowers:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	stw	%arg0, R%cpl(%r1)	; WRONG: cpl = ncpl
	bv	%r0(%rp)
	nop

/* no_lost: stores cpl and returns; what ncpl unblocks stays pending. */
	.globl	spllower_loses
spllower_loses:
	ldil	L%cpl, %r1
	bv	%r0(%rp)
	stw	%arg0, R%cpl(%r1)	; WRONG: no replay

/* no_lost: NetBSD/hp700 locore.S's order: ipending is loaded before cpl
   is stored (in the delay slot of the return).  A source that arrives
   between the two, blocked by the old cpl and not by the new one, is
   pended by the stub and not replayed. */
	.globl	spllower_netbsd_order
spllower_netbsd_order:
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1	; WRONG: read before cpl is stored
	ldil	L%cpl, %r19
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	stw	%arg0, R%cpl(%r19)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	1f
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
1:	bv	%r0(%rp)
	mtctl	%arg1, %eiem

/* exact: restores cpl with the clock bit always set. */
	.globl	splx_wrong
splx_wrong:
	b	spllower
	depi	1, 31, 1, %arg0		; WRONG: | 1

/* A clock stub that raises cpl to the clock's spl, runs the handler and
   returns without putting the interrupted cpl back.  It keeps everything
   else: the registers a C handler may change, the queues, IPSW and EIEM in
   intr.S's frame above sp, and it enters the handler with the kernel's PSW
   (abi.entry_state), as the port's stub does; it leaves through Xintr_exit. */
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
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
	mtctl	%r0, %eiem
	ldil	L%(1 << SRC_CLOCK_LEVEL), %r19
	ldo	R%(1 << SRC_CLOCK_LEVEL)(%r19), %r19
	mtctl	%r19, %eirr		; acknowledge the line
	ldil	L%1f, %r19
	ldo	R%1f(%r19), %r19
	mtctl	%r19, %pcoq
	ldo	4(%r19), %r19
	mtctl	%r19, %pcoq
	mtctl	%r0, %pcsq
	mtctl	%r0, %pcsq
	ldil	L%0x4000f, %r19		; the kernel's PSW: C|Q|P|D|I
	ldo	R%0x4000f(%r19), %r19
	mtctl	%r19, %ipsw
	rfi
	nop
1:	ldil	L%SRC_CLOCK_SPL, %r19
	ldo	R%SRC_CLOCK_SPL(%r19), %r19
	ldil	L%cpl, %r20
	stw	%r19, R%cpl(%r20)	; WRONG: never restored (Xintr_exit gives back
				; the queues, IPSW, EIEM and registers, not cpl)
	bl	handler_clock, %rp
	nop
	b,n	Xintr_exit
