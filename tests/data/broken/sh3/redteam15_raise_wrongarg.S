! BROKEN: "splraise(0) is a no-op" shortcut testing r5 (second argument
! register, undefined in a one-argument call: abi.scratch) instead of r4.
! Whenever the caller leaves r5 = 0 the routine never raises.
! Truth: defined_only should fail.
	.include "port.inc"
	.text
	.globl	rt_raise_wrongarg
	.align	2
rt_raise_wrongarg:
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0
	tst	r5, r5			! BUG: meant r4
	bt	1f
	cmp/hs	r4, r0
	bt	1f
	xor	r0, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop
