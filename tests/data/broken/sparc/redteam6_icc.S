! BROKEN (returns_previous): returns the old PIL field with the condition
! codes beside it (psr & (PSR_PIL | PSR_ICC)).  NetBSD's sparc spl values
! are psr & PSR_PIL alone (psl.h splraise: oldipl = psr & PSR_PIL), so an
! IPL comparison of this value with an IPL's goes wrong whenever icc is not
! zero.  Held while every scratch bit of the priority register was exempt
! (as m68k's condition codes are in its SR-image spl values).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_PIL_ICC, 0xf00f00
	.text
	.globl	splraise_icc
splraise_icc:
	rd	%psr, %o1
	subcc	%g0, 1, %g0		! icc: N and C set
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	set	PSR_PIL_ICC, %o3
	and	%o1, %o3, %o2		! WRONG: icc comes along
	and	%o1, PSR_PIL, %o4
	cmp	%o0, %o4
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
