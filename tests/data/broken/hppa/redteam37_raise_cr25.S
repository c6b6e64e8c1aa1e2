/* red team 37: BROKEN (expected: preserves).  redteam37_raise_cr30.S on CR25 instead: CR_VTOP
   (OpenBSD hppa reg.h 1.5), the kernel's virtual-to-physical table pointer
   the TLB-miss handlers read: left holding the old cpl. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	mtctl	%ret0, %cr25		; BUG: CR25 (CR_VTOP) used as a temporary
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
