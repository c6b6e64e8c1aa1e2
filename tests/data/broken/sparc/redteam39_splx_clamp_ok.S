! CORRECT (red team 39 D F1, failed defined_only in session 39 before the fix): sparc splx: an spl value above PSR_PIL is clamped to splhigh's
! (never happens for a value an spl routine returns: psr & PSR_PIL, icc clear).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	my_splx
my_splx:
	set	PSR_PIL, %o3
	cmp	%o0, %o3
	bleu	1f
	 nop
	mov	%o3, %o0		! clamp
1:	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
