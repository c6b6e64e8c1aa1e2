	.text
	.globl f
f:
	movl	$1, %eax
	frobnicate %eax
	ret
