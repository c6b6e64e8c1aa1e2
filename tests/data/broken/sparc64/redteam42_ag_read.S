! BROKEN (expected: defined_only).  splraise with a "fast path" keyed on
! alternate %g7, used as a per-CPU cache of "PIL already at HIGH" that the
! author believed nothing else touches.  The alternate globals are the trap
! handlers' scratch (V9 §5.1.1/§7.6.1: every trap sets PSTATE.AG; NetBSD
! sparc64 locore.s spill/fill, MMU miss and interrupt_vector handlers run on
! them), so at a call alternate %g7 holds whatever the last trap left:
! when it is not 0 the routine returns without raising.
	.include "port.inc"
	.text
	.globl	rt_raise_agread
rt_raise_agread:
	rdpr	%pstate, %o3
	andn	%o3, 2, %o4		! IE := 0: nothing comes in
	wrpr	%o4, 1, %pstate		! AG := 1 (XOR)
	mov	%g7, %o2		! BUG: what the last trap handler left
	wrpr	%o3, 0, %pstate		! back
	rdpr	%pil, %o1
	brnz,pn	%o2, 1f			! "cached: already raised"
	 and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
