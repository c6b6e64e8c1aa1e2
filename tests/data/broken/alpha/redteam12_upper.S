	.include "port.inc"
	.set	noreorder
	.text
# broken: addl sign-extends s0's low longword into all of s0 ($9, callee-saved):
# its upper 32 bits are lost (Alpha ARM §4.4 ADDL: result sign-extended)
	.globl	splraise_s0_addl
	.align	3
splraise_s0_addl:
	addl	$9, 0, $9
	call_pal 0x36
	and	$0, 7, $0
	cmple	$16, $0, $1
	bne	$1, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1
