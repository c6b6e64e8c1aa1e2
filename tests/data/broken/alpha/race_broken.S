# Deliberately broken PR#20390 dispatchers for alpha (test data), linked
# with kernel_snippets/alpha/race.S, whose data (gp-relative) and routines
# they use.
	.include "port.inc"
	.set	noat
	.set	noreorder
	.equ	PENDING, 2		# callout_flags bits, as in race.S
	.equ	INVOKING, 8
	.equ	FIRED, 4
	.text

# Fix 1 done wrong: as race_dispatch_spllower, but it unlocks with splx(s),
# back to the entry level, instead of spllower(callout_ipl): the handler
# starts at softclock's level again, the 2003 window.
	.globl	race_dispatch_spllower_splx
	.align	3
race_dispatch_spllower_splx:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise		# s = lock
	mov	$0, $9
	ldah	$2, callout_flags($gp)	!gprelhigh
	ldl	$3, callout_flags($2)	!gprellow
	and	$3, PENDING, $4
	beq	$4, 3f
	bic	$3, PENDING, $3
	bis	$3, FIRED, $3
	stl	$3, callout_flags($2)	!gprellow
	ldah	$2, callout_ipl($gp)	!gprelhigh
	ldl	$16, callout_ipl($2)	!gprellow
	lda	$17, SPL_HIGH($31)
	bsr	$26, ipl_le
	bne	$0, 2f
	ldah	$2, race_refused($gp)	!gprelhigh
	lda	$3, 1($31)
	stl	$3, race_refused($2)	!gprellow
	br	$31, 3f
2:	mov	$9, $16
	bsr	$26, splx		# WRONG: the entry level, not co_ipl
	bsr	$26, tcp_timer
3:	mov	$9, $16
	bsr	$26, splx
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	mov	$31, $0
	ret	$31, ($26), 1

# Fix 2 without the ack check: as race_dispatch_ack, but network input is
# told to ignore what callout_stop() returns (netinput_ack = 0), so it
# frees the owner even while the handler is invoking.
	.globl	race_dispatch_ack_nocheck
	.align	3
race_dispatch_ack_nocheck:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	ldah	$2, netinput_ack($gp)	!gprelhigh	# WRONG: input ignores
	stl	$31, netinput_ack($2)	!gprellow	# callout_stop()
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise
	mov	$0, $9
	ldah	$2, callout_flags($gp)	!gprelhigh
	ldl	$3, callout_flags($2)	!gprellow
	and	$3, PENDING, $4
	beq	$4, 2f
	bic	$3, PENDING, $3
	bis	$3, FIRED | INVOKING, $3
	stl	$3, callout_flags($2)	!gprellow
	mov	$9, $16
	bsr	$26, splx
	bsr	$26, tcp_timer_ack
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise
	mov	$0, $9
2:	mov	$9, $16
	bsr	$26, splx
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	mov	$31, $0
	ret	$31, ($26), 1
