# BROKEN on the hardware (red team 29 F F6; fails no_fault: the model
# refuses to run a stored instruction word before an IMB, whose old or new
# value is UNPREDICTABLE, Alpha Architecture Handbook v4 6.7.3; on the
# 21064 it would set the level an earlier call patched in, not its
# argument).  splx that "caches" its argument in
# the immediate of its own `lda a0, N' instruction (so that a later
# debugger sees the last level), patching the instruction word with a
# store and running it two instructions later -- without an IMB.  Alpha
# ARM §5.6 (and the OSF/1 `imb' PAL call, 0x86): the instruction stream
# is not kept coherent with stores of the same processor; after modifying
# an instruction, software must execute CALL_PAL IMB before executing it.
# The 21064's I-cache and prefetch buffer hold the old word (it is two
# instructions ahead, already fetched), so the swpipl gets the previous
# call's level.  The patch is done at IPL 6, so no interrupt and no
# handler's call can come between the store and the patched instruction.
	.include "port.inc"
	.set	noreorder
	.set	noat
	.text
	.globl	rt_splx_patch
	.align	3
rt_splx_patch:
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
	stl	$4, 28($2)		# BUG: no call_pal imb after this store
	nop
2:	lda	$16, 0($31)		# patched: a0 = s
	call_pal 0x35
	ret	$31, ($26), 1
