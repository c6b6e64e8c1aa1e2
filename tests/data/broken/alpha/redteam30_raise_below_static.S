# red team 30 I: _splraise whose "s strictly below the current IPL" path
# keeps the old IPL in a static between two instructions.  Called at
# IPL_BIO (IPL 3) with splsoftnet (IPL 1): rt_old = 3; the clock (IPL 5,
# unblocked) whose handler calls splbio()/splvm() (below its IPL; malloc
# from a callout) takes the same path and leaves rt_old = 5: the outer
# call returns 5, the caller's splx(s) leaves the CPU at IPL 5.
# Should fail: returns_previous.
	.include "port.inc"
	.data
	.align	3
rt_old:	.quad	0
	.text
	.globl	rt_splraise_bl
	.align	3
rt_splraise_bl:
	br	$1, 0f
0:	ldgp	$gp, 0($1)
	call_pal 0x36			# rdps
	and	$0, 7, $0		# cur
	cmple	$16, $0, $1
	beq	$1, 2f			# higher: raise
	cmpeq	$16, $0, $1
	bne	$1, 1f			# same: nothing
	ldah	$2, rt_old($gp)	!gprelhigh
	lda	$2, rt_old($2)	!gprellow
	stq	$0, 0($2)		# lower: remember the old IPL
	ldq	$0, 0($2)
1:	ret	$31, ($26), 1
2:	call_pal 0x35			# swpipl(s)
	ret	$31, ($26), 1
