/* BROKEN: spllower with a "spllower(0) from IPL_NONE" shortcut that tests
   arg1 (r25, undefined in a one-argument call) instead of ipending: when
   the caller leaves r25 = 0 it returns without replaying.
   Truth: defined_only (and no_lost) should fail. */
	.include "port.inc"
	.text
	.globl	rt_lower_wrongarg
rt_lower_wrongarg:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	comib,=,n 0, %arg1, 2f		; BUG: arg1 is the caller's
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
2:	bv,n	%r0(%rp)
