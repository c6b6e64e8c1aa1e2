! splraise keeping the old PIL in a static word between the read and the
! return.  BUG: not reentrant: a handler calling splraise (every driver's
! does) between the store and the reload overwrites it; this call then
! returns the handler's PIL, which the caller's splx(s) restores.
	.include "port.inc"
	.data
	.align	4
saved_pil:	.word	0
	.text
	.globl	splraise
splraise:
	rdpr	%pil, %o1
	sethi	%hi(saved_pil), %o3
	st	%o1, [%o3 + %lo(saved_pil)]
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 ldsw	[%o3 + %lo(saved_pil)], %o0
