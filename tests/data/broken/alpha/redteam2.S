# alpha spl routines of the second red-team pass: each broken one wrong in
# one way a kernel programmer gets it wrong (the property it must fail is
# named beside it), and correct ones in styles unlike the port's own.
# tests/test_contract.py runs them.
	.include "port.inc"
	.set	noreorder
	.set	noat
	.text

# defined_only: keeps the old IPL in t8 ($22) across the swpipl, a
# register OSF/1 PALcode leaves undefined (NetBSD alpha_cpu.h 1.43:
# alpha_pal_swpipl clobbers $1, $22-$25).
	.globl	splraise_keeps_t8
	.align	3
splraise_keeps_t8:
	call_pal 0x36			# rdps
	and	$0, 7, $22		# t8 = cur
	cmple	$16, $22, $2
	bne	$2, 1f
	call_pal 0x35			# swpipl(s): t8 is PALcode's now
1:	mov	$22, $0
	ret	$31, ($26), 1

# exact: spl0 in two steps, NetBSD's order (run the soft interrupts at
# ALPHA_PSL_IPL_SOFT, then go to 0), taking the second argument from a0
# as the first swpipl left it; alpha_pal_swpipl declares a0 clobbered.
	.globl	spl0_reuses_a0
	.align	3
spl0_reuses_a0:
	lda	$16, 1($31)		# a0 = ALPHA_PSL_IPL_SOFT
	call_pal 0x35			# v0 = old IPL
	mov	$0, $2			# t1 = old
	subq	$16, 1, $16		# a0 = IPL_SOFT - 1 = 0 ... if a0 were still 1
	call_pal 0x35
	mov	$2, $0
	ret	$31, ($26), 1

# no_fault: calls a helper with bsr, which overwrites ra, and never saved
# it: the final ret goes back into itself.
	.globl	splraise_helper_no_ra
	.align	3
splraise_helper_no_ra:
	bsr	$26, cur_ipl		# v0 = current IPL, and ra := here
	cmple	$16, $0, $2
	bne	$2, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1
	.align	3
cur_ipl:
	call_pal 0x36
	and	$0, 7, $0
	ret	$31, ($26), 1

# defined_only: spills the old IPL below $sp without moving $sp, where
# PALcode pushes an interrupt's frame (alpha.yaml interrupt.changes).
	.globl	splraise_below_sp
	.align	3
splraise_below_sp:
	call_pal 0x36
	and	$0, 7, $0
	stq	$0, -8($sp)		# "leaf: no frame needed"
	cmple	$16, $0, $2
	bne	$2, 1f
	call_pal 0x35
1:	ldq	$0, -8($sp)
	ret	$31, ($26), 1

# exact: raises with an unsigned compare of the whole PS read back by
# rdps (mask forgotten): harmless in kernel mode, where PS is only the
# IPL ... but compares s against the wrong side: cmplt instead of cmple,
# so raising to the current level swaps, and raising below it lowers.
	.globl	splraise_cmp_swapped
	.align	3
splraise_cmp_swapped:
	call_pal 0x36
	and	$0, 7, $0
	cmplt	$0, $16, $2		# t1 = (cur < s) ... but branch as if (s <= cur)
	bne	$2, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1

# Correct: always one swpipl, with max(s, cur) computed by cmov; the
# interval between rdps and swpipl is harmless (an interrupt there gives
# back the same IPL).  Keeps everything in t1-t2, which PALcode leaves.
	.globl	splraise_cmov_ok
	.align	3
splraise_cmov_ok:
	call_pal 0x36
	and	$0, 7, $2		# t1 = cur
	cmplt	$16, $2, $3		# t2 = (s < cur)
	cmovne	$3, $2, $16		# a0 = max(s, cur)
	call_pal 0x35			# v0 = old (= cur)
	ret	$31, ($26), 1

# Correct: splx as a table dispatch on its argument: 0 tail-calls spl0,
# anything else is one swpipl.
	.globl	splx_jump_ok
	.align	3
splx_jump_ok:
	bne	$16, 1f
	br	$31, spl0
1:	call_pal 0x35
	ret	$31, ($26), 1

# Correct: splsoft (IPL 1) in two steps, through IPL 6, with a fresh a0
# for each swpipl.
	.globl	splsoft_two_steps_ok
	.align	3
splsoft_two_steps_ok:
	lda	$16, 6($31)
	call_pal 0x35
	mov	$0, $2
	lda	$16, 1($31)
	call_pal 0x35
	mov	$2, $0
	ret	$31, ($26), 1
