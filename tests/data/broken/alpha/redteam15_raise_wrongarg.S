# BROKEN: "splraise(0) is a no-op" shortcut that tests a1 ($17, not
# passed: undefined, abi.scratch) instead of a0.  Truth: defined_only.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_wrongarg
	.align	3
rt_raise_wrongarg:
	call_pal 0x36
	and	$0, 7, $0
	beq	$17, 1f			# BUG: meant $16
	cmple	$16, $0, $1
	bne	$1, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1
