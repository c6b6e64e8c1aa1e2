# BROKEN (red team 28 D, held): splraise that first sets the kernel GP
# (call_pal wrkgp), which every interrupt entry loads: nothing compared it.
# preserves fails (abi.state kgp).
	.include "port.inc"
	.set noreorder
	.text
	.globl rt_raise_wrkgp
	.align 3
rt_raise_wrkgp:
	ldgp	$gp, 0($27)
	mov	$16, $2
	lda	$16, 0x1234($31)
	call_pal 0x37
	mov	$2, $16
	br	$31, splraise
