/* BROKEN (false-hold candidate): the port's splraise that also writes
   IVA (CR14, the interruption vector address) with 0, a leftover of boot
   code: every later interruption vectors to address 0, and the kernel
   dies at its next interrupt.  Expect: preserves (or no verdict); a hold
   is a false hold. */
	.include "port.inc"
	.text
	.globl	rt_raise_iva
rt_raise_iva:
	mtctl	%r0, %iva		; WRONG
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
