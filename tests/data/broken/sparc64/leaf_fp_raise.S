! BROKEN (expected: no_fault).  A leaf splraise that keeps the old PIL in
! %fp (%i6) while interrupts below the new level are still let in, and
! puts %fp back before it returns.  %fp is the %sp of the window above
! the caller's (SPARC V9 §6.3.1); an interrupt taken before the raise
! spills the windows above (NetBSD sparc64 locore.s sparc_interrupt's
! flushw; SPILL64 stores at [%sp + BIAS]) through it.  Unlike
! redteam30_leaf_fp_scratch.S the bad %fp lives only while the old
! priority still lets interrupts in: seen only where the caller's callers'
! windows are in the register file and an interrupt comes at any
! boundary (abi.call_states 'OTHERWIN 1, CANRESTORE 1', explored so).
	.include "port.inc"
	.text
	.globl	rt_raise_fp64
rt_raise_fp64:
	mov	%fp, %g1		! "save" %fp
	rdpr	%pil, %fp		! BUG: %fp used as a temporary
	and	%o0, 15, %o0
	cmp	%o0, %fp
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	mov	%fp, %o0
	retl
	 mov	%g1, %fp		! put it back
