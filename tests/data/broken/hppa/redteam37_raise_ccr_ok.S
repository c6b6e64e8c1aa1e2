/* red team 37: CORRECT twin of redteam37_raise_ccr.S: CR10 read and written back unchanged. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	mfctl	%cr10, %r20
	mtctl	%r20, %cr10		; CCR as it was
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
