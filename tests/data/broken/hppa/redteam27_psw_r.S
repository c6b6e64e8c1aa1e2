/* BROKEN (preserves): spllower (the shipped one) that sets PSW R (recovery counter traps on) on its fast path and leaves it set: its caller then takes recovery-counter traps (red team 27 D; held before PSW R was an abi.state bit) */
	.text
	.globl spllower
spllower:
	ssm	0x10, %r0
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	2f
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
2:	bv	%r0(%rp)
	mtctl	%arg1, %eiem
