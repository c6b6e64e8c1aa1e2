# Twin of redteam29_selfpatch_noimb.S: the same splx keeping its argument
# in the immediate of its own `lda a0, N' instruction, with call_pal imb
# (0x86) between the store and the patched instruction, as the Alpha
# Architecture Handbook v4 6.7.3 asks: the new word is the one that runs.
# The patch is done at IPL 6, so no interrupt and no handler's call comes
# between the store and the instruction.  Should hold.
	.include "port.inc"
	.set	noreorder
	.set	noat
	.text
	.globl	rt_splx_patch_imb
	.align	3
rt_splx_patch_imb:
	beq	$16, spl0		# IPL 0: spl0 runs the pending soft interrupts
	mov	$16, $3			# s
	lda	$16, 6($31)
	call_pal 0x35			# IPL 6 while patching
	br	$2, 0f
0:	ldl	$4, 28($2)		# the `lda a0, N' word
	srl	$4, 16, $4
	sll	$4, 16, $4
	zapnot	$3, 3, $5
	or	$4, $5, $4		# N := s
	stl	$4, 28($2)
	call_pal 0x86			# imb: fetches see the store
2:	lda	$16, 0($31)		# patched: a0 = s
	call_pal 0x35
	ret	$31, ($26), 1
