# BROKEN (expected: no_fault -- the pointer it follows is not the one it
# stored).  spllower that counts its calls through a per-CPU pointer kept
# in a quadword (`rt_stats_ptr: .quad rt_stats'), but loads the pointer
# with ldl: LDL sign-extends the low longword (Alpha ARM §4.2.2).  NetBSD/
# alpha's kernel data lie in K0SEG (0xfffffc00_0xxxxxxx), so the pointer
# it dereferences is 0x00000000_0xxxxxxx, a user-space address: a
# translation-not-valid fault in the kernel, a panic.  Only where the data
# lie below 2 GiB does the ldl give the pointer back.
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
	.globl	rt_lower_ldlptr
	.align	3
rt_lower_ldlptr:
	beq	$16, spl0		# IPL 0: spl0 runs the pending soft interrupts
	br	$2, 0f
0:	ldgp	$gp, 0($2)
	ldah	$3, rt_stats_ptr($gp)	!gprelhigh
	ldl	$3, rt_stats_ptr($3)	!gprellow	# BUG: a 64-bit pointer
	call_pal 0x35			# swpipl(s): v0 = old
	ldq	$4, 0($3)
	addq	$4, 1, $4
	stq	$4, 0($3)
	ret	$31, ($26), 1
