! red team 34: correct.  sparc (V8) twin of sparc64/redteam30_athigh_flag_ok.S:
! the flag "at IPL_HIGH" is set by splhigh only after its wr %psr has
! settled (three instructions), and cleared by every routine that lowers
! (spllower; splx and spl0 go through it) BEFORE its wr.  So flag = 1
! implies PIL 15 at every boundary an interrupt can be taken (the nmi at 15
! takes any PIL; its handler's splhigh() finds PIL 15 anyway).
! The port's splraise never lowers and leaves the flag alone.  Should hold.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.data
	.align	4
rt_athigh:
	.word	0
	.text
	.globl	splhigh, spllower, splx, spl0
splhigh:
	sethi	%hi(rt_athigh), %o3
	ld	[%o3 + %lo(rt_athigh)], %o4
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2	! the old PIL field, returned
	tst	%o4
	bne	1f			! at IPL_HIGH already
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, SPL_HIGH, %psr
	nop
	nop
	nop
	mov	1, %o4
	st	%o4, [%o3 + %lo(rt_athigh)]	! after the write settled
1:	retl
	 mov	%o2, %o0

spllower:
	sethi	%hi(rt_athigh), %o3
	st	%g0, [%o3 + %lo(rt_athigh)]	! the flag first
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr		! then the PIL
	nop
	nop
	nop
	retl
	 mov	%o2, %o0

splx:
	ba	spllower
	 nop

spl0:
	ba	spllower
	 mov	SPL_NONE, %o0
