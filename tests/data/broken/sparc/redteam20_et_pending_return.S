! red team 20 B F1 (held until SparcBackend.return_hazard): spllower that
! turns traps off (ET := 0) while it changes
! PIL (V8 "song and dance": ET off, PIL, ET on, each wr followed by three
! instructions).  rt_lower_et is correct (the twin); rt_lower_et_late
! returns with its ET := 1 write still in its delay (SPARC V8 B.29 WRPSR:
! the new PSR fields are not guaranteed to be in effect for three
! instructions, and "If any of the three instructions that follow a WRPSR
! uses any of the PSR fields that WRPSR modified, the value of those
! fields is unpredictable"): retl and its delay slot are two of the three,
! so the caller's first instruction runs with ET unsettled.  A caller's
! `save' there (window overflow) or any other trap with ET = 0 puts the
! CPU into error mode (V8 ch. 7: a trap with ET = 0 -> error mode).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_lower_et
rt_lower_et:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	wr	%o1, PSR_ET, %psr	! ET := 0 (xor), PIL as it was
	nop
	nop
	nop
	andn	%o1, PSR_PIL, %o1
	andn	%o1, PSR_ET, %o1
	or	%o1, %o0, %o1		! new PIL, ET 0
	wr	%o1, 0, %psr		! PIL := s, traps still off
	nop
	nop
	nop
	wr	%o1, PSR_ET, %psr	! ET := 1
	nop
	nop
	nop
	retl
	 mov	%o2, %o0

! the same with the ET := 1 write still pending at the return
	.globl	rt_lower_et_late
rt_lower_et_late:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	wr	%o1, PSR_ET, %psr
	nop
	nop
	nop
	andn	%o1, PSR_PIL, %o1
	andn	%o1, PSR_ET, %o1
	or	%o1, %o0, %o1
	wr	%o1, 0, %psr
	nop
	nop
	nop
	wr	%o1, PSR_ET, %psr	! ET := 1: still pending at the return
	retl
	 mov	%o2, %o0
