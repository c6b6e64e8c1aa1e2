# BROKEN on some Alpha implementations (expected: no_fault -- a livelock;
# the model says LDx_L/STx_C "may always fail" cases are not modelled).
# spllower that counts its calls in a per-CPU statistics word with an
# LDL_L/STL_C retry loop, and reads a second word (the "enabled" switch)
# between the LDL_L and the STL_C.  Alpha ARM §4.2.4/§4.2.5: "If any other
# memory access (ECB, LDx, LDQ_U, STx, STQ_U, WH64) is executed on the
# given processor between the LDx_L and the STx_C, the sequence above may
# always fail on some implementations; hence, no useful program should do
# this."  Where it always fails, the retry loop never ends.
	.include "port.inc"
	.set	noreorder
	.set	noat
	.data
	.align	4
rt_lower_count:
	.long	0
	.long	0
	.align	4
rt_lower_enabled:
	.long	1
	.text
	.globl	rt_lower_llsc_ld
	.align	3
rt_lower_llsc_ld:
	br	$1, 0f
0:	ldgp	$gp, 0($1)
	ldah	$2, rt_lower_count($gp)	!gprelhigh
	lda	$2, rt_lower_count($2)	!gprellow
	ldah	$4, rt_lower_enabled($gp)	!gprelhigh
	lda	$4, rt_lower_enabled($4)	!gprellow
1:	ldl_l	$3, 0($2)
	ldl	$5, 0($4)		# BUG: a load between LDL_L and STL_C
	addl	$3, $5, $3
	stl_c	$3, 0($2)
	beq	$3, 1b
	call_pal 0x35			# swpipl(s): v0 = old IPL
	ret	$31, ($26), 1
