	.text
	.globl f
f:
	call	no_such_routine
	ret
