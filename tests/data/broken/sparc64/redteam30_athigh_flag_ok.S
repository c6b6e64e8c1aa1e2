! red team 30 I, correct twin of sparc64_athigh_flag.S: the flag "already
! at IPL_HIGH" is set only by splhigh() after its wrpr of PIL 15 and
! cleared by every routine that can lower (splx, spllower, spl0) BEFORE
! its PIL write, at PIL 15 still where it was set; so flag = 1 implies
! PIL = 15 at every instruction boundary an interrupt can be taken.
! (splraise never lowers and leaves it alone.)  Should hold.
	.include "port.inc"
	.data
	.align	4
rt_athigh:
	.word	0
	.text
	.globl	splhigh
splhigh:
	sethi	%hi(rt_athigh), %o2
	ld	[%o2 + %lo(rt_athigh)], %o3
	brnz,pn	%o3, 1f			! already at IPL_HIGH
	 rdpr	%pil, %o0		! (delay slot) the old PIL, returned
	wrpr	%g0, 15, %pil
	mov	1, %o3
	st	%o3, [%o2 + %lo(rt_athigh)]
1:	retl
	 nop

	.globl	splx
splx:
	sethi	%hi(rt_athigh), %o2
	st	%g0, [%o2 + %lo(rt_athigh)]	! the flag first ...
	retl
	 wrpr	%o0, 0, %pil		! ... then the PIL

	.globl	spllower
spllower:
	sethi	%hi(rt_athigh), %o2
	st	%g0, [%o2 + %lo(rt_athigh)]
	rdpr	%pil, %o1
	wrpr	%o0, 0, %pil
	retl
	 mov	%o1, %o0

	.globl	spl0
spl0:
	sethi	%hi(rt_athigh), %o2
	st	%g0, [%o2 + %lo(rt_athigh)]
	rdpr	%pil, %o0
	retl
	 wrpr	%g0, 0, %pil
