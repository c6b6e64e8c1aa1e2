/* BROKEN (false-hold candidate): the port's splraise that also writes
   CR16 (the interval timer: a write sets the compare value at which the
   clock's EIRR bit 0 is raised) with 0: the next clock interrupt comes
   only after the counter wraps (2^32 cycles), i.e. the clock stops for
   seconds to minutes.  Expect: no verdict (a device / the clock) or a
   failure; a hold is a false hold. */
	.include "port.inc"
	.text
	.globl	rt_raise_itmr
rt_raise_itmr:
	mtctl	%r0, %cr16		; WRONG
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
