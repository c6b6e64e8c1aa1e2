! CORRECT twin of redteam39_window_stale.S: the same windowed splraise,
! its skip test made after %l4 (the PSR to write) is computed, so what
! the previous call left in the window (SAVE clears nothing, SPARC V8
! §4.1, B.20) is never read.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ICC, 0xf00000
	.text
	.globl	rt_raise
rt_raise:
	save	%sp, -96, %sp
	rd	%psr, %l1
	set	PSR_ICC, %l6
	andn	%l1, %l6, %l5		! the PSR without icc
	and	%l1, PSR_PIL, %l2	! the old field, returned
	and	%i0, PSR_PIL, %l0
	cmp	%l0, %l2
	bleu	1f
	 nop
	andn	%l5, PSR_PIL, %l3
	or	%l3, %l0, %l4		! the PSR to write
	cmp	%l4, %l5
	be	1f
	 nop
	wr	%l4, 0, %psr
	nop
	nop
	nop
1:	ret
	 restore %l2, 0, %o0
