# red team 37: BROKEN (expected: defined_only).  _splraise with a shortcut keyed on two
# registers it never set (t1, t2: the caller's garbage): cmpbge t1, t2
# compares them byte by byte, and when the top byte of t1 is below t2's
# the routine returns without raising.  Every 64-bit poison pattern of the
# model has the same top bytes (0xbadc0ffe...; complement 0x4523f001...;
# or 0), so the top bytes compare equal (>=) in every world.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	splraise
	.align	3
splraise:
	cmpbge	$2, $3, $4		# BUG: t1, t2 undefined
	srl	$4, 7, $4
	blbc	$4, 1f			# top byte of t1 below t2's: no raise
	call_pal 0x36
	and	$0, 7, $0
	cmple	$16, $0, $1
	bne	$1, 2f
	call_pal 0x35
2:	ret	$31, ($26), 1
1:	call_pal 0x36
	and	$0, 7, $0
	ret	$31, ($26), 1
