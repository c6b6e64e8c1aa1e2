# red team 34 F2: correct.  An "at IPL_HIGH" quadword shared by all five
# routines: set AFTER the swpipl to IPL_HIGH (by splhigh, and by splx when
# it restores IPL_HIGH); cleared BEFORE every other swpipl.  So flag = 1
# implies PS IPL 6 at every boundary where an interrupt can be taken (no
# modelled source is above 5, so no handler runs at 6 to set it and
# return lower).  splhigh returns at once when the flag is set.
# Lowering to IPL 0 goes through spl0, which runs the soft interrupts
# pending in ssir (archs/alpha.yaml, since session 34) as the port's does.
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
	beq	$16, spl0		# IPL 0: spl0 runs the pending soft interrupts
	FLAGADDR
	stq	$31, 0($2)
	call_pal 0x35
	ret	$31, ($26), 1

	.align	3
splx:
	beq	$16, spl0		# IPL 0: spl0 runs the pending soft interrupts
	FLAGADDR
	mov	$16, $4
	stq	$31, 0($2)
	call_pal 0x35			# swpipl(s)
	cmpeq	$4, SPL_HIGH, $3
	beq	$3, 2f
	stq	$3, 0($2)		# restored IPL_HIGH: flag after
2:	ret	$31, ($26), 1

	.align	3
spl0:					# the port's spl0 (ssir run at IPL 1), with the flag
	FLAGADDR
	stq	$31, 0($2)
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	call_pal 0x36			# rdps: v0 = PS
	and	$0, 7, $9		# the old IPL
	stq	$gp, 16($sp)
	lda	$27, softintr_drain	# returns at IPL_HIGH, none pending
	jsr	$26, ($27), softintr_drain
	ldq	$gp, 16($sp)
	mov	$31, $16
	call_pal 0x35			# swpipl(0)
	mov	$9, $0
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
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
