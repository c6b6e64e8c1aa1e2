! sparc64 spl(9), written for iplemu after NetBSD/sparc64's psl.h 1.20
! (2001-04-13; read via OpenBSD psl.h 1.12, which carries it): the SPL,
! SPLHOLD and splx inline code, here as leaf functions taking the level
! in %o0.
!
! The priority is the privileged register %pil (SPARC V9 §5.2.3), read
! with rdpr and written with wrpr (A.42, A.62: wrpr writes rs1 XOR
! operand2, and takes effect at once: V9 has no delayed write).  An spl
! value is the PIL itself.  Leaf routines: argument and result in %o0,
! return with retl.
	.include "port.inc"
	.text

! int splraise(int s): raise PIL to s; never lower; returns the old PIL.
	.weak	splraise
splraise:
	rdpr	%pil, %o1		! the current PIL, returned
	and	%o0, 15, %o0		! only the PIL field of s
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f		! not higher: leave PIL alone
	 nop
	wrpr	%o0, 0, %pil		! PIL := s
1:	retl
	 mov	%o1, %o0

! int spllower(int s): set PIL to s whatever it was; returns the old PIL.
	.weak	spllower
spllower:
	rdpr	%pil, %o1
	wrpr	%o0, 0, %pil
	retl
	 mov	%o1, %o0

! void splx(int s): restore a PIL an spl call returned (psl.h: the same
! unconditional write, no value returned).
	.weak	splx
splx:
	retl
	 wrpr	%o0, 0, %pil

! int spl0(void), int splhigh(void): PIL := 0 or 15 whatever it was, as
! psl.h's SPL(spl0, 0) and SPLHOLD(splhigh, PIL_HIGH) do (15 is the top,
! so raising to it and setting it are the same); return the old PIL.
	.weak	spl0
spl0:
	rdpr	%pil, %o1
	wrpr	%g0, SPL_NONE, %pil
	retl
	 mov	%o1, %o0

	.weak	splhigh
splhigh:
	rdpr	%pil, %o1
	wrpr	%g0, SPL_HIGH, %pil
	retl
	 mov	%o1, %o0
