! CORRECT: twin of redteam39_save_uninit_local.S (red team 39 B F3): %g0
! where the typo had %l7; every register of its window it reads it wrote
! first (its ins are the caller's outs: the argument).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_raise
rt_raise:
	save	%sp, -96, %sp
	rd	%psr, %l1
	or	%i0, %g0, %l0
	and	%l0, PSR_PIL, %l0
	and	%l1, PSR_PIL, %l2
	cmp	%l0, %l2
	bleu	1f
	 andn	%l1, PSR_PIL, %l3
	wr	%l3, %l0, %psr
	nop
	nop
	nop
1:	ret
	 restore %l2, 0, %o0
