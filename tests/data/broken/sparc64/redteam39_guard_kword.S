! red team 39 F: a sparc64 splraise with a re-entrancy guard (count_statclock): a call
! made while another is inside the guard (a handler's s = splhigh(); ...;
! splx(s)) returns the old PIL and writes nothing (BUG).  The guard is 0
! again at every return.
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
2:	retl				! BUG: re-entered: no write
	 mov	%o1, %o0
