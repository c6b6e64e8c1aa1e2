! BROKEN: spllower that, when it lowers to PIL 0,
! "clears stale soft interrupt requests" by clearing IE_L1 (0x02) in the
! sun4c interrupt enable register (it keeps IE_ALLIE).  On sun4/sun4c the
! level-1 soft interrupt (softclock, softnet) IS that bit: setsoftint() is
! ienab_bis(IE_L1) and the soft handler clears it (NetBSD sparc intreg.h
! IE_L1 0x02; archs/sparc.yaml: "Soft interrupts are requested through
! the interrupt enable register at levels 1, 4 or 6").  A softclock
! requested while PIL blocked it is thus withdrawn and its handler never
! runs.  Expect: no_lost / served_once FAILS.  A hold is a false hold
! (or the model should say it does not model the IE_L1 request bit).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower_iel1
rt_lower_iel1:
	sethi	%hi(IPLEMU_IENAB), %o3
	ldub	[%o3 + %lo(IPLEMU_IENAB)], %o4
	andn	%o4, 0x02, %o4		! WRONG: withdraws the level-1 soft request
	stb	%o4, [%o3 + %lo(IPLEMU_IENAB)]
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
