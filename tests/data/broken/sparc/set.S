! Deliberately broken sparc `set` routines (test data).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text

! spl0 without the delayed write's three instructions: the caller runs
! before PIL 0 governs interrupts (exact: the write is still settling).
	.globl	spl0_nodelay
spl0_nodelay:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, SPL_NONE, %psr
	retl
	 mov	%o2, %o0

! splhigh that writes PIL 9, below the clock's 10 (exact).
	.globl	splhigh_noclock
splhigh_noclock:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, SPL_CLOCK - 0x100, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
