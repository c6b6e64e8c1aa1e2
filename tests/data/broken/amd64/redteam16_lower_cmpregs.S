/* BROKEN: on the replay branch, "nothing new since we looked" is decided
   by comparing %rdx with %rcx, two scratch registers the routine never
   wrote (meant: a re-read of ipending against the value in %edi).  Equal
   (as two uninitialised registers may well be, e.g. both 0) -> no replay.
   Should fail defined_only. */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	cmpq	%rcx, %rdx		/* BUG: two undefined registers */
	je	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret
