! red team 30 I: splhigh() and splx() replaced together, sharing a flag
! "already at IPL_HIGH" (splhigh skips its wrpr when it is set: an
! optimisation for nested splhigh sections).  splx writes the new PIL
! first and clears the flag after it: between the two, the PIL is low and
! the flag still says "high".  A clock interrupt there (unblocked at the
! restored PIL) whose handler does s = splhigh() -- every driver's handler
! does -- finds the flag set and returns without raising: its splhigh()
! section runs at PIL 10, where zs (12) and statclock (14) preempt it.
! Should fail: exact (of the handler's splhigh call, made inside splx),
! and no_window for zs/statclock running inside it.  Each routine alone
! holds when the other is not called from a handler.  spllower and spl0
! clear the flag first, as the correct twin's do (the port's, which know
! no flag, would leave it set at a low PIL: red team 34 F4's way).
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
	wrpr	%o0, 0, %pil		! BUG: the PIL first ...
	sethi	%hi(rt_athigh), %o2
	retl
	 st	%g0, [%o2 + %lo(rt_athigh)]	! ... the flag after it

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
