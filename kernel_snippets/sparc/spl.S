! sparc spl(9), written for iplemu after NetBSD 1.6's sparc psl.h (the
! SPLHOLD, SPL and splx inline code; read via OpenBSD psl.h 1.8, which
! carries NetBSD psl.h 1.12).
!
! The priority is PSR.PIL, bits 11:8 (SPARC V8 §4.2); an spl value is that
! field in place (PIL << 8).  `wr rs1, op2, %psr` writes rs1 XOR op2, and
! the new PIL governs interrupts only three instructions later (V8 B.29,
! delayed write): every write is followed by three nops before the routine
! returns, so its caller can rely on the level.  Leaf routines: argument
! and result in %o0, return with retl.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text

! int splraise(int s): raise PIL to s; never lower; returns the old field.
	.weak	splraise
splraise:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0	! only the PIL field of s
	and	%o1, PSR_PIL, %o2	! the current field, returned
	cmp	%o0, %o2
	bleu	1f			! not higher: leave PIL alone
	 andn	%o1, PSR_PIL, %o1	! (delay slot) psr without PIL
	wr	%o1, %o0, %psr		! psr := (psr & ~PIL) ^ s
	nop				! three instructions before the
	nop				! new PIL governs interrupts
	nop
1:	retl
	 mov	%o2, %o0

! int spllower(int s): set PIL to s whatever it was; returns the old field.
	.weak	spllower
spllower:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0

! void splx(int s): restore a field an spl call returned (NetBSD: the same
! unconditional write as spllower).
	.weak	splx
splx:
	ba	spllower
	 nop

! int spl0(void), int splhigh(void): PIL := 0 or 15 whatever it was
! (spllower, with its three instructions of the delayed write); return
! the old field.  psl.h: spl0 writes PIL 0; splhigh raises to PIL_HIGH
! 15, the top, so raising to it and setting it are the same.
	.weak	spl0
spl0:
	ba	spllower
	 mov	SPL_NONE, %o0		! (delay slot) the argument

	.weak	splhigh
splhigh:
	ba	spllower
	 mov	SPL_HIGH, %o0
