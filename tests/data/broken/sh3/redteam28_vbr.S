! BROKEN: spllower that also writes VBR (ldc r1,vbr) with an address where
! this kernel has no vectors: every later interrupt goes to VBR + 0x600 of
! that address.  Expected: no verdict (not modelled) or a failure, as
! m68k MOVEC to VBR, arm32 CP15 V and sparc WRTBR are since red team 28.
	.include "port.inc"
	.text
	.globl	rt_lower_vbr
	.align	2
rt_lower_vbr:
	mov.l	2f, r1
	ldc	r1, vbr			! WRONG: vectors at 0x8c001000
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0
	xor	r0, r1
	or	r4, r1
	ldc	r1, sr
	rts
	nop
	.align	2
2:	.long	0x8c001000
