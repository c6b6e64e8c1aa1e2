	.text
	.globl peek, leap, bad
peek:				/* read from memory nobody mapped */
	movl	0x50000000, %eax
	ret
leap:				/* jump to memory nobody mapped */
	movl	$0x40000000, %eax
	jmp	*%eax
bad:				/* an illegal instruction */
	ud2
