! CORRECT twin of redteam39_raise_r2early.S: the compare after r2 is computed.
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
	mov	#-16, r3
	extu.b	r3, r3
	not	r3, r3
	mov	r1, r2
	and	r3, r2
	or	r4, r2			! r2 = the new SR
	cmp/eq	r1, r2			! after r2 is computed
	bt	1f
	ldc	r2, sr
1:	rts
	nop
