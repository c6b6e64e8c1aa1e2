! BROKEN (expected: returns_previous / nesting / defined_only).  splraise
! that, on its path from PIL 0 only (the one no interrupt handler's own spl
! call takes: handlers run at PIL 1 and up), keeps the old PIL in an
! alternate global (%g1 with PSTATE.AG = 1) while interrupts stay enabled.
! The alternate globals are the trap code's: every trap sets PSTATE.AG
! (SPARC V9 §7.6.1) and the kernel's trap handlers use %g1-%g7 of that set
! as scratch (NetBSD sparc64 locore.s: interrupt_vector, TRAP_SETUP, the
! spill/fill and MMU-miss handlers run with AG = 1), so an interrupt taken
! between the rdpr and the mov hands back a different alternate %g1: the
! routine returns a wrong old PIL (and splx(s) later restores it).
	.include "port.inc"
	.text
	.globl	rt_raise_ag0
rt_raise_ag0:
	rdpr	%pil, %o1
	brnz,pt	%o1, 2f			! called above PIL 0: plain path
	 and	%o0, 15, %o0
	rdpr	%pstate, %o3
	wrpr	%o3, 1, %pstate		! AG := 1 (XOR), IE stays 1
	rdpr	%pil, %g1		! BUG: old PIL (0) in alternate %g1
	brz,pn	%o0, 1f
	 nop
	wrpr	%o0, 0, %pil		! from 0 to s > 0: raise
1:	mov	%g1, %o0		! an interrupt may have changed alt %g1
	retl
	 wrpr	%o3, 0, %pstate		! AG := 0
2:	cmp	%o0, %o1
	bleu,pn	%xcc, 3f
	 nop
	wrpr	%o0, 0, %pil
3:	retl
	 mov	%o1, %o0
