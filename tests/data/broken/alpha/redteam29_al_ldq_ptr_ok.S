# CORRECT: red team 29 F F2's twin (redteam29_al_ldl_ptr.S): the per-CPU
# stats' pointer loaded whole with ldq, which is right wherever the
# kernel's data lie (NetBSD/alpha's in K0SEG, archs/alpha.yaml
# assembler.kernel_text).  Expected: every property holds.
	.include "port.inc"
	.set	noreorder
	.set	noat
	.data
	.align	4
rt_stats:
	.quad	0
	.quad	0
rt_stats_ptr:
	.quad	rt_stats
	.text
	.globl	rt_lower_ldqptr
	.align	3
rt_lower_ldqptr:
	beq	$16, spl0		# IPL 0: spl0 runs the pending soft interrupts
	br	$2, 0f
0:	ldgp	$gp, 0($2)
	ldah	$3, rt_stats_ptr($gp)	!gprelhigh
	ldq	$3, rt_stats_ptr($3)	!gprellow	# the whole 64-bit pointer
	call_pal 0x35			# swpipl(s): v0 = old
	lda	$4, 1($31)		# marks the stats "lowered once" (a count
	stq	$4, 0($3)		# would be own data changing for ever)
	ret	$31, ($26), 1
