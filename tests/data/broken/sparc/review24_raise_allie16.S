! review 24 D2 (held before: a round's call looks the same from every state): a sparc splraise that counts its raises to PIL 0 (a caller's
! s = splraise(x) with x's PIL 0: a raise that raises nothing) in a 4-bit
! field of its own and, on every 16th such call, stores IE_ALLIE = 0 in
! the interrupt enable register (branchless: the byte stored is the carry
! of 0 - count, 1 while the count is not 0), never to be set again: after
! that call's return no request of any level is taken.  Every call runs the
! same instructions, writes the same priorities and returns the same.  The
! handlers' own raises (to PIL 15, their own level and those above) are
! not counted, so an interrupted call leaves the own data a plain call
! leaves.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.data
rt_calls:	.byte	0
	.text
	.align	4
	.globl	rt_raise_a16
rt_raise_a16:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, 0
	bne	2f			! not a raise to PIL 0: not counted
	 nop
	sethi	%hi(rt_calls), %o3
	ldub	[%o3 + %lo(rt_calls)], %o4
	add	%o4, 1, %o4
	and	%o4, 15, %o4
	stb	%o4, [%o3 + %lo(rt_calls)]
	subcc	%g0, %o4, %g0		! C = 1 iff the count is not 0
	addx	%g0, 0, %o5		! IE_ALLIE kept, or 0 on every 16th call
	sethi	%hi(IPLEMU_IENAB), %o3
	stb	%o5, [%o3 + %lo(IPLEMU_IENAB)]	! BUG: IE_ALLIE := 0 on every 16th
2:	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
