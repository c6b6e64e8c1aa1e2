/* red team 37: BROKEN (expected: preserves).  splraise that returns with
   RFI (as a trap path does) and builds the IPSW from the system mask it
   found plus C, but with PSW[T] (taken-branch trap enable, PA-RISC 1.1
   ch. 2 PSW bit 7, 0x01000000) set: back in its caller every taken
   branch traps (ch. 5 "taken branch trap"), which NetBSD/hp700's trap()
   treats as a kernel fault.  I, Q, P, D, C, R come back as they were. */
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
	ldil	L%0x01040000, %r21	; BUG: T (0x01000000) with C (0x40000)
	or	%r20, %r21, %r21
	mtctl	%r21, %ipsw
	rfi
	nop
