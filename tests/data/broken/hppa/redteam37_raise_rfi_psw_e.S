/* red team 37: BROKEN (expected: preserves).  redteam37_raise_rfi_psw_t.S with
   PSW[E] (0x04000000, little-endian memory access enable) in the IPSW
   instead of T: back in its caller every load and store is byte-swapped. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	rsm	9, %r20			; Q and I off; r20 = the system mask found
	mtctl	%rp, %pcoq
	ldo	4(%rp), %r21
	mtctl	%r21, %pcoq
	mtctl	%r0, %pcsq
	mtctl	%r0, %pcsq
	ldil	L%0x04040000, %r21	; BUG: E (0x04000000) with C (0x40000)
	or	%r20, %r21, %r21
	mtctl	%r21, %ipsw
	rfi
	nop
