! red team 8: SPARC V8 B.29: WRY is a delayed-write instruction (up to three
! instructions may still see the old Y; GCC -mcpu=v8 puts three nops
! between `wr %g0,0,%y' and udiv/sdiv for that reason).  A UDIVcc right
! after the WRY divides the caller's Y:%o0 (Y is scratch, the poison) or
! 0:%o0; with the old Y its quotient overflows, V = 1 (B.19).  The model
! wrote Y at once, so V was always 0 there (held); WRY now lags as WRPSR.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	splraise_wry_udivcc
splraise_wry_udivcc:
	wr	%g0, 0, %y		! Y := 0, delayed
	udivcc	%o0, 1, %g0		! WRONG: Y may still be the caller's
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

! the same with three nops: CORRECT
	.globl	splraise_wry_nops_ok
splraise_wry_nops_ok:
	wr	%g0, 0, %y
	nop
	nop
	nop
	udivcc	%o0, 1, %g0
	bvs	9b
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

