! Deliberately broken sparc64 `set` routines (test data).
	.include "port.inc"
	.text

! spl0 that returns the level it set, not the one it found.
	.globl	spl0_returns_new
spl0_returns_new:
	wrpr	%g0, SPL_NONE, %pil
	retl
	 mov	SPL_NONE, %o0

! splhigh that writes PIL 9, below the clock's 10.
	.globl	splhigh_noclock
splhigh_noclock:
	rdpr	%pil, %o1
	wrpr	%g0, SPL_CLOCK - 1, %pil
	retl
	 mov	%o1, %o0
