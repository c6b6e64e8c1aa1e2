! SPARC V8 B.29 (and GCC -mcpu=v8's three nops): the three instructions
! after a WRY may still read the old Y.  Here the third one reads it.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	splraise_wry_2nops
splraise_wry_2nops:
	wr	%g0, 0, %y		! Y := 0, delayed
	nop
	nop
	udivcc	%o0, 1, %g0		! WRONG: 3rd instruction after WRY, Y may be the caller's
	bvs	9f			! overflow: "already there"
	 rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
9:	and	%o1, PSR_PIL, %o0
	retl
	 nop
! the same with rd %y as the third instruction
	.globl	splraise_wry_2nops_rdy
splraise_wry_2nops_rdy:
	wr	%g0, 0, %y
	nop
	nop
	rd	%y, %o3			! WRONG: may read the caller's Y
	or	%o0, %o3, %o0
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
