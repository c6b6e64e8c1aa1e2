# red team 34: correct.  An "at IPL_HIGH" quadword shared by all five
# routines: set AFTER the swpipl to IPL_HIGH (by splhigh, and by splx when
# it restores IPL_HIGH); cleared BEFORE every other swpipl.  So flag = 1
# implies PS IPL 6 at every boundary where an interrupt can be taken (no
# modelled source is above 5, so no handler runs at 6 to set it and
# return lower).  splhigh returns at once when the flag is set.
# Should hold.
	.include "port.inc"
	.set	noreorder
	.data
	.align	3
rt_athigh:	.quad	0
	.text
	.macro	FLAGADDR
	br	$1, 0f
0:	ldgp	$gp, 0($1)
	ldah	$2, rt_athigh($gp)	!gprelhigh
	lda	$2, rt_athigh($2)	!gprellow
	.endm
	.globl	splraise, spllower, splx, spl0, splhigh
	.align	3
splraise:
	FLAGADDR
	call_pal 0x36			# rdps
	and	$0, 7, $0
	cmple	$16, $0, $1
	bne	$1, 1f
	stq	$31, 0($2)		# flag first ...
	call_pal 0x35			# ... then swpipl(s)
1:	ret	$31, ($26), 1

	.align	3
spllower:
	FLAGADDR
	stq	$31, 0($2)
	call_pal 0x35
	ret	$31, ($26), 1

	.align	3
splx:
	FLAGADDR
	mov	$16, $4
	stq	$31, 0($2)
	call_pal 0x35			# swpipl(s)
	cmpeq	$4, SPL_HIGH, $3
	beq	$3, 2f
	stq	$3, 0($2)		# restored IPL_HIGH: flag after
2:	ret	$31, ($26), 1

	.align	3
spl0:
	FLAGADDR
	stq	$31, 0($2)
	mov	$31, $16
	call_pal 0x35
	ret	$31, ($26), 1

	.align	3
splhigh:
	FLAGADDR
	ldq	$3, 0($2)
	call_pal 0x36			# rdps
	and	$0, 7, $0
	bne	$3, 3f			# at IPL_HIGH already
	lda	$16, SPL_HIGH($31)
	call_pal 0x35			# swpipl(HIGH): v0 = old
	lda	$3, 1($31)
	stq	$3, 0($2)		# flag after
3:	ret	$31, ($26), 1
