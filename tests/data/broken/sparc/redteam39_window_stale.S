! BROKEN: splraise in a window of its own that skips its wr %psr when
! %l4, the PSR it is about to write, equals the PSR it read -- but the
! test sits above the code that computes %l4.  SAVE clears nothing
! (SPARC V8 §4.1, B.20): the window below the caller is the one the
! routine's previous call used, whose %l4 is the PSR (icc clear) it wrote,
! (or, not raising, the PSR it kept), so in `s = splbio(); t = splhigh();' the second call finds %l4 == PSR
! and returns at IPL_BIO.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ICC, 0xf00000
	.text
	.globl	rt_raise
rt_raise:
	save	%sp, -96, %sp
	rd	%psr, %l1
	set	PSR_ICC, %l6
	andn	%l1, %l6, %l5		! the PSR without icc
	and	%l1, PSR_PIL, %l2	! the old field, returned
	cmp	%l4, %l5		! BUG: %l4 not computed yet
	be	1f
	 and	%i0, PSR_PIL, %l0
	cmp	%l0, %l2
	bleu	1f
	 mov	%l5, %l4		! (not raising: the PSR it keeps)
	andn	%l5, PSR_PIL, %l3
	or	%l3, %l0, %l4		! the PSR to write
	wr	%l4, 0, %psr
	nop
	nop
	nop
1:	ret
	 restore %l2, 0, %o0
