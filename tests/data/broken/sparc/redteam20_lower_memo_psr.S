! (tests: held before check ran the warm starts from each abi.call_states
! entry too, emu/starts.py; now fails preserves and no_fault)
! red team 20 B: sparc spllower that memoises, per argument, the whole
! PSR it wrote and on a later call with the same argument writes that PSR
! back (one word per PIL value, one store: interleaved and re-entered
! calls leave a consistent PIL in it).  The memo holds PS and CWP of the
! call that filled it: a later call from another window (abi.call_states
! "CWP 3") or with PS 0 gets the filler's CWP/PS back, i.e. it switches the
! register window under its caller (SPARC V8 §4.2 PSR.CWP) or changes PS.
! NetBSD's psl.h splx/SPL change only PIL (rd %psr; andn; or; wr).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.data
	.align	4
memo:	.skip	64		! PSR written, by PIL (s >> 8 & 15), 0 = none
	.text
	.globl	rt_lower_memo
rt_lower_memo:
	and	%o0, PSR_PIL, %o0
	srl	%o0, 6, %o3		! (s >> 8) * 4
	set	memo, %o4
	ld	[%o4 + %o3], %o5
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2
	cmp	%o5, 0
	be	1f
	 nop
	wr	%o5, 0, %psr		! BUG: the memoised PSR, CWP and PS and all
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
1:	andn	%o1, PSR_PIL, %o1
	or	%o1, %o0, %o1
	st	%o1, [%o4 + %o3]
	wr	%o1, 0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0
