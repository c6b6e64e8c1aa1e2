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
   returns without putting the interrupted cpl back. */
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	mtctl	%rp, %tr3
	mtctl	%r1, %tr4
	mtctl	%r19, %tr5
	ldil	L%SRC_CLOCK_SPL, %r19
	ldo	R%SRC_CLOCK_SPL(%r19), %r19
	ldil	L%cpl, %r1
	stw	%r19, R%cpl(%r1)	; WRONG: never restored
	bl	handler_clock, %rp
	nop
	mfctl	%tr5, %r19
	mfctl	%tr4, %r1
	mfctl	%tr3, %rp
	rfi
	nop
