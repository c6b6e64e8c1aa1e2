# alpha faults (test data)
	.text
	.globl	trapping
trapping:
	addq/v	$1, $2, $3		# overflow-trapping form: not implemented by the interpreter
	ret
