! BROKEN (false-hold candidate): the port's spllower that also writes
! %tbr (the trap base register) with 0: every later trap, interrupts
! included, vectors to address 0 + tt<<4.  Expect: preserves (or no
! verdict); a hold is a false hold.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower_tbr
rt_lower_tbr:
	wr	%g0, 0, %tbr		! WRONG
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
