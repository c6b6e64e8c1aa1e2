! red team 37: BROKEN (expected: defined_only).  splraise whose compare was moved below
! the branch it feeds: `bl %xcc' at the entry reads the caller's
! condition codes (N xor V), undefined at a call (abi.scratch ccr); with
! the caller's N != V it returns without raising.
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	rdpr	%pil, %o1
	bl,pn	%xcc, 1f		! BUG: the cmp below has not run yet
	 and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
