! Correct twin of redteam39_guard_kword.S (red team 39 F): the guard in
! count_statclock (a word of the kernel's data) as there, but the
! re-entered path raises PIL as the guarded one does.
	.include "port.inc"

	.text
	.globl	rt_raise_guard
rt_raise_guard:
	sethi	%hi(count_statclock), %o3
	ld	[%o3 + %lo(count_statclock)], %o4
	brnz,pn	%o4, 2f
	 rdpr	%pil, %o1
	mov	1, %o4
	st	%o4, [%o3 + %lo(count_statclock)]
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	st	%g0, [%o3 + %lo(count_statclock)]
	retl
	 mov	%o1, %o0
2:	and	%o0, 15, %o0		! re-entered: the same raise, no guard work
	cmp	%o0, %o1
	bleu,pn	%xcc, 3f
	 nop
	wrpr	%o0, 0, %pil
3:	retl
	 mov	%o1, %o0
