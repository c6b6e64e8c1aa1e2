# BROKEN (expected: no_lost).  NetBSD/alpha's own spl0 (machdep.c 1.210,
# 2000-06-01, read via OpenBSD machdep.c 1.79), in assembly:
#	if (ssir) { swpipl(ALPHA_PSL_IPL_SOFT); softintr_dispatch(); }
#	swpipl(ALPHA_PSL_IPL_0);
# It tests ssir at the caller's IPL.  An interrupt taken between that test
# and the swpipl(0) (a clock at IPL 5 above a caller at IPL 4) posts a soft
# interrupt and returns to the caller's IPL, not to 0, so its
# exception_return runs nothing; the swpipl(0) then leaves it pending until
# the next interrupt or spl0 (a clock tick).  The port's spl0
# (kernel_snippets/alpha/spl.S) tests at ALPHA_PSL_IPL_HIGH instead.  Unlike
# NetBSD's, this one returns the IPL at entry after a dispatch too (NetBSD
# returns the swpipl(0)'s, ALPHA_PSL_IPL_SOFT then), so that only the
# window fails.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_spl0_window
	.align	3
rt_spl0_window:
	br	$1, 1f
1:	ldgp	$gp, 0($1)
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	call_pal 0x36			# rdps: the IPL at entry, to return
	and	$0, 7, $9
	ldah	$1, ssir($gp)		!gprelhigh
	ldq	$1, ssir($1)		!gprellow
	beq	$1, 2f			# BUG: tested at the caller's IPL
	stq	$gp, 16($sp)
	lda	$27, softintr_drain	# the port's softintr_dispatch loop
	jsr	$26, ($27), softintr_drain
	ldq	$gp, 16($sp)
2:	mov	$31, $16
	call_pal 0x35			# swpipl(0)
	mov	$9, $0
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	ret	$31, ($26), 1
