/* BROKEN: spllower whose "nothing to replay" shortcut tests %esi (not
   passed: undefined, abi.scratch) instead of ipending & ~ncpl: whenever
   the caller leaves %esi = 0 nothing is replayed.  Truth: defined_only
   (and no_lost) should fail. */
	.include "port.inc"
	.text
	.globl	rt_lower_wrongarg
rt_lower_wrongarg:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	testl	%esi, %esi		/* BUG: meant the pending test */
	jz	2f
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	1f
2:	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret
