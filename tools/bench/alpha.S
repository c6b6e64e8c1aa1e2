# Benchmark loop: 2000 x (splraise(SPL_NET); splx(old)).
	.include "port.inc"
	.set	noreorder
	.set	noat
	.text
	.globl	bench_loop
bench_loop:
	lda	$30,-16($30)
	stq	$26,0($30)
	stq	$9,8($30)
	lda	$9,2000($31)
1:	lda	$16,SPL_NET($31)
	bsr	$26,splraise
	mov	$0,$16
	bsr	$26,splx
	subq	$9,1,$9
	bne	$9,1b
	ldq	$26,0($30)
	ldq	$9,8($30)
	lda	$30,16($30)
	ret	$31,($26),1
