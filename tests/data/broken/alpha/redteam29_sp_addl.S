# BROKEN (expected: no_fault / preserves: sp is no longer the kernel stack).
# splraise with a frame allocated and freed by 32-bit arithmetic:
# `subl $sp, 16, $sp' ... `addl $sp, 16, $sp'.  SUBL/ADDL sign-extend the
# low longword of the result (Alpha ARM §4.4), so a kernel stack in
# K0SEG/KSEG (NetBSD/alpha: 0xfffffc00_xxxxxxxx, 0xfffffe00_xxxxxxxx)
# becomes 0x00000000_xxxxxxxx or 0xffffffff_xxxxxxxx: the first store
# through it faults (a kernel panic), and the caller gets a wrong sp back.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_sp_addl
	.align	3
rt_raise_sp_addl:
	subl	$sp, 16, $sp		# BUG: a 32-bit subtract, sign-extended
	stq	$9, 0($sp)
	call_pal 0x36			# rdps
	and	$0, 7, $9
	cmple	$16, $9, $1
	bne	$1, 1f
	call_pal 0x35			# swpipl(s)
1:	mov	$9, $0
	ldq	$9, 0($sp)
	addl	$sp, 16, $sp		# BUG: sign-extended again
	ret	$31, ($26), 1
