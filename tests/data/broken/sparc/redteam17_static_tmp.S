! splraise keeping the old PIL field in a static word between the read
! and the return.  BUG: not reentrant: a handler calling splraise (every
! driver's does) between the store and the reload overwrites it, and this
! call returns the handler's level, which the caller's splx(s) restores.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.data
	.align	4
saved_pil:	.word	0
	.text
	.globl	splraise
splraise:
	rd	%psr, %o1
	sethi	%hi(saved_pil), %o3
	and	%o1, PSR_PIL, %o2
	st	%o2, [%o3 + %lo(saved_pil)]
	and	%o0, PSR_PIL, %o0
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 ld	[%o3 + %lo(saved_pil)], %o0
