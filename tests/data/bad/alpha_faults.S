# alpha faults (test data)
	.text
	.globl	locked
locked:
	ldq_l	$1, 0($sp)		# load-locked: not implemented by the interpreter
	ret
