! BROKEN (returns_previous): returns SR & 0x3f0, the IMASK field with M
! and Q beside it.  NetBSD's sh3 spl values are the IMASK field alone
! (psl.h PSL_IMASK 0xf0: splX() = _cpu_intr_raise(IPL_X << 4)), so an
! IPL comparison of this value goes wrong whenever M or Q is set.
	.include "port.inc"
	.text
	.globl	splraise_qm
	.align	2
splraise_qm:
	mov	#-1, r3
	div0s	r3, r3			! M = Q = 1 (the signs of r3), T = M ^ Q = 0
	stc	sr, r1
	mov.w	3f, r2			! 0x3f0: IMASK, Q, M
	mov	r1, r0
	and	r2, r0			! WRONG: Q and M come along
	mov	#-16, r2
	extu.b	r2, r2			! PSL_IMASK
	mov	r1, r3
	and	r2, r3			! the old field
	cmp/hs	r4, r3
	bt	1f
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop
	.align	1
3:	.word	0x3f0
