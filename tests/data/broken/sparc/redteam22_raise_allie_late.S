! red team 22 a: a sparc splraise whose last instruction (the delay slot
! of its retl) clears IE_ALLIE in the interrupt enable register (a
! "block level 15 too while at splhigh" attempt that never turns it back
! on: splx does not know about it).  Every instruction before it runs with
! IE_ALLIE on, so every request arriving inside the routine is taken as
! usual; after the return no interrupt of any level is taken.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_raise_allie_late
rt_raise_allie_late:
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
1:	mov	%o2, %o0
	sethi	%hi(IPLEMU_IENAB), %o4
	retl
	 stb	%g0, [%o4 + %lo(IPLEMU_IENAB)]	! BUG: IE_ALLIE := 0 for good
