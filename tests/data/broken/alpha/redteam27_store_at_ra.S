# BROKEN (expected: preserves or no_fault).  spl0 with the operands of
# its "save ra" swapped: `stq $30, 0($26)' writes the stack pointer over
# the caller's instruction at the return address (alpha kernel text in
# KSEG is writable) instead of saving ra on the stack.  The routine never
# reloads ra (the save was useless in a leaf), so it returns where it
# should - into 8 bytes of garbage.  spl0 is never called from a handler
# (archs/README.md: a set routine whose IPL does not block the source),
# so no handler's code is overwritten: only the top-level caller's.
	.include "port.inc"
	.set	noreorder
	.set	noat
	.text
	.globl	rt_spl0_store_ra
	.align	3
rt_spl0_store_ra:
	stq	$30, 0($26)		# WRONG: meant stq $26, 0($30)
	mov	$31, $16
	call_pal 0x35			# swpipl(0): v0 = old
	ret	$31, ($26), 1
