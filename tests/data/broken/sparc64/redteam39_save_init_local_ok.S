! CORRECT: twin of redteam39_save_uninit_local.S: %g0 where the typo had
! %l7; the window's registers it reads it wrote first.
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	save	%sp, -176, %sp
	rdpr	%pil, %l1
	or	%i0, %g0, %l0
	and	%l0, 15, %l0
	cmp	%l0, %l1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%l0, 0, %pil
1:	ret
	 restore %l1, 0, %o0
