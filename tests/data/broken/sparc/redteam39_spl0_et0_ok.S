! CORRECT: twin of redteam39_spl0_save_et0.S (red team 39 B F2): the same
! spl0 with traps off (ET = 0) around its PSR update, but a leaf: it takes
! no window, so no window_overflow trap can come while ET = 0 (SPARC V8
! manual B.20 SAVE, ch. 7 error mode), whatever window the caller is in.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_spl0
rt_spl0:
	rd	%psr, %o1
	wr	%o1, PSR_ET, %psr	! ET := 0
	nop
	nop
	nop
	and	%o1, PSR_PIL, %o0
	andn	%o1, PSR_PIL, %o1
	wr	%o1, 0, %psr		! ET := 1, PIL := 0
	nop
	nop
	nop
	retl
	 nop
