! BROKEN (red team 19 a, F1): splraise that, once it has raised PIL,
! "acknowledges" soft interrupt level 1 (softclock and softnet) by writing
! CLEAR_SOFTINT (%asr21, NetBSD sparc64 psl.h), on the theory that the
! raised PIL blocks it anyway.  It does not just block it: a request that
! arrived while PIL >= 1 refused it is held in SOFTINT<1> (UltraSPARC
! User's Manual, Sun 1997, §9.4 "Software Interrupt (SOFTINT) Register":
! bits 15:1 "cause interrupts at levels IRL<15:1>"; a write to
! CLEAR_SOFTINT ANDs the complement of the value into SOFTINT, Table 9-6),
! and this write deletes it: its handler never runs, not even at the
! caller's later splx(0).  Every property held (the raised result blocks
! the lost source, so no_lost never asked); served_once fails now:
! "software withdrew its request in the CPU before the CPU took it".
	.include "port.inc"
	.text
	.globl	rt_splraise_clr
rt_splraise_clr:
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	wr	%g0, 1 << 1, %asr21	! BUG: drops a held level-1 request
	retl
	 mov	%o1, %o0
