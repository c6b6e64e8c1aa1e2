! red team 22 a (correct twin of redteam22_raise_allie_late.S): a sparc
! splraise that clears IE_ALLIE in the interrupt enable register around
! its PIL write (so no level, 15 included, is taken there) and stores back
! the byte it read: it returns with the register as it found it.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_raise_allie
rt_raise_allie:
	sethi	%hi(IPLEMU_IENAB), %o4
	ldub	[%o4 + %lo(IPLEMU_IENAB)], %o5
	andn	%o5, IPLEMU_IENAB_ALL, %o3
	stb	%o3, [%o4 + %lo(IPLEMU_IENAB)]	! IE_ALLIE := 0
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
1:	stb	%o5, [%o4 + %lo(IPLEMU_IENAB)]	! IE_ALLIE as it was
	retl
	 mov	%o2, %o0
