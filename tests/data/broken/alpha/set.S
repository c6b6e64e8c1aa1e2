# Deliberately broken alpha `set` routines (test data).
	.include "port.inc"
	.set	noreorder
	.text

# spl0 that returns the new IPL, not the old one (returns_previous).
	.globl	spl0_returns_new
	.align	3
spl0_returns_new:
	mov	$31, $16
	call_pal 0x35
	mov	$31, $0
	ret	$31, ($26), 1

# splhigh that sets the serial IPL, below the clock's (exact).
	.globl	splhigh_noclock
	.align	3
splhigh_noclock:
	lda	$16, SPL_SERIAL($31)
	call_pal 0x35
	ret	$31, ($26), 1
