! BROKEN (red team 39 A F1, held until session 39: the scratch registers a previous call left): _cpu_intr_raise that skips its SR
! write when the new SR (r2) equals the current one (r1) -- but the
! compare was moved above the instructions that compute r2, so it reads
! the caller's r2 (scratch, undefined at the call).  On the CPU r2 often
! holds exactly the current SR: this routine leaves r2 = the SR it wrote,
! so in `s = splbio(); t = splhigh();' (two calls with nothing touching
! r2 in between, as GCC's code for them does) the second call finds
! r2 == SR, returns without raising, and t's critical section runs at
! IPL_BIO with the clock and the serial line let in.
	.include "port.inc"
	.text
	.globl	rt_raise_early
	.align	2
rt_raise_early:
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0		! the old field (the result)
	cmp/hs	r4, r0
	bt	1f			! not higher: nothing to do
	cmp/eq	r1, r2			! BUG: r2 not computed yet
	bt	1f			! "SR would not change"
	mov	#-16, r3
	extu.b	r3, r3
	not	r3, r3
	mov	r1, r2
	and	r3, r2
	or	r4, r2			! r2 = the new SR
	ldc	r2, sr
1:	rts
	nop
