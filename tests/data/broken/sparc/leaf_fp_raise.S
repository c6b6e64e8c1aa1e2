! BROKEN (expected: no_fault).  A leaf splraise that keeps the PSR it
! read in %fp (%i6) while interrupts below the new level are still let
! in, and puts %fp back before it returns.  %fp is the %sp of the window
! above the caller's (SPARC V8 §4.1); an interrupt taken before the raise
! whose handler calls deep enough spills that window through it (NetBSD
! sparc locore.s window_of/ctw_merge: std %l0 .. %i6 at [%sp]).  Unlike
! redteam30_leaf_fp_scratch.S the bad %fp lives only while the old
! priority still lets interrupts in: seen only where the caller's callers'
! windows are in the register file and an interrupt comes at any
! boundary (abi.call_states 'two windows above', explored so).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_raise_fp
rt_raise_fp:
	mov	%fp, %g1		! "save" %fp
	rd	%psr, %fp		! BUG: %fp used as a temporary
	and	%o0, PSR_PIL, %o0
	and	%fp, PSR_PIL, %o2	! the old PIL field, returned
	cmp	%o0, %o2
	bleu	1f
	 nop
	andn	%fp, PSR_PIL, %o3
	wr	%o3, %o0, %psr
	nop
	nop
	nop
1:	mov	%g1, %fp		! put it back
	retl
	 mov	%o2, %o0
