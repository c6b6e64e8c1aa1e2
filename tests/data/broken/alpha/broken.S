# Deliberately broken alpha spl routines and stubs (test data).
	.include "port.inc"
	.set	noreorder
	.text

# splraise that lowers: swpipl(s) whatever the current IPL.
	.globl	splraise_lowers
	.align	3
splraise_lowers:
	call_pal 0x35			# swpipl(s): v0 = old IPL
	ret	$31, ($26), 1

# splx that restores the wrong field: takes the IPL from bits 3:1 of s
# (shifted by one) instead of 2:0.
	.globl	splx_wrong
	.align	3
splx_wrong:
	srl	$16, 1, $16
	call_pal 0x35
	ret	$31, ($26), 1

# spllower that lowers one level too far (to s - 1, IPL 0 stays 0).
	.globl	spllower_loses
	.align	3
spllower_loses:
	subq	$16, 1, $1		# t0 = s - 1
	cmovge	$1, $1, $16		# s = s - 1 unless that is negative
	call_pal 0x35
	ret	$31, ($26), 1

# A clock stub that clears the interrupted PS in its frame: rti then
# returns to IPL 0 instead of the interrupted one.
	.globl	Xintr_clock_norestore
	.align	3
Xintr_clock_norestore:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$27, 8($sp)
	stq	$1, 16($sp)
	stq	$2, 24($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$27, handler_clock	# pv = the handler (abi.callee_address)
	jsr	$26, ($27), handler_clock
	ldq	$26, 0($sp)
	ldq	$27, 8($sp)
	ldq	$1, 16($sp)
	ldq	$2, 24($sp)
	lda	$sp, 32($sp)
	stq	$31, 0($sp)		# the saved PS := 0
	call_pal 0x3f
