! BROKEN (mild): spllower that also sets SR.S (MAC saturation, bit 1) and
! leaves it set: the caller's later mac.w/mac.l saturate.  An spl
! routine changes only I3-I0 (archs/sh3.yaml abi.state source).  Its
! result is the clean IMASK field.  Expected: preserves fails.
	.include "port.inc"
	.text
	.globl	rt_lower_s
	.align	2
rt_lower_s:
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0		! old field (result)
	xor	r0, r1
	or	r4, r1
	mov	#2, r2
	or	r2, r1			! WRONG: SR.S := 1
	ldc	r1, sr
	rts
	nop
