/* red team 37: CORRECT twin of redteam37_lower_eiem_const2.S: the EIEM found is saved first
   and given back (and handed to intr_dispatch). */
	.include "port.inc"
	.text
	.globl	spllower
spllower:
	mfctl	%eiem, %arg1		; the EIEM found
	mtctl	%r0, %eiem		; nothing external while we look
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	1f
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp	; intr_dispatch(ncpl, eiem)
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
1:	bv	%r0(%rp)
	mtctl	%arg1, %eiem
