! NOT MODELLED (was a false hold): splraise that sets the UltraSPARC PSTATE.IG (0x800), so its caller comes back on the interrupt globals; the bit was masked away before (red team 27 D): now no verdict
	.text
	.globl splraise
splraise:
	rdpr	%pstate, %o2
	or	%o2, 0x800, %o2
	wrpr	%o2, 0, %pstate
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
