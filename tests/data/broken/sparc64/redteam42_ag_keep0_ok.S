! CORRECT twin of ag_keep0.S: the old PIL kept in %o2, not alternate %g1.
	.include "port.inc"
	.text
	.globl	rt_raise_ag0
rt_raise_ag0:
	rdpr	%pil, %o1
	brnz,pt	%o1, 2f			! called above PIL 0: plain path
	 and	%o0, 15, %o0
	rdpr	%pstate, %o3
	wrpr	%o3, 1, %pstate		! AG := 1 (XOR), IE stays 1
	rdpr	%pil, %o2		! old PIL (0) in %o2
	brz,pn	%o0, 1f
	 nop
	wrpr	%o0, 0, %pil		! from 0 to s > 0: raise
1:	mov	%o2, %o0
	retl
	 wrpr	%o3, 0, %pstate		! AG := 0
2:	cmp	%o0, %o1
	bleu,pn	%xcc, 3f
	 nop
	wrpr	%o0, 0, %pil
3:	retl
	 mov	%o1, %o0
