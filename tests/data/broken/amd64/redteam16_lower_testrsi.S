/* BROKEN (decided before running): spllower whose replay branch (reached
   only with something pending and unblocked) skips the replay when %rsi
   is 0 -- the second argument register, which spllower(int) is not
   passed: undefined at the call (SysV x86-64 ABI).  A caller that happens
   to have %rsi = 0 gets no replay: the source stays pending, unblocked.
   Should fail defined_only (and no_lost in that world). */
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	testq	%rsi, %rsi		/* BUG: meant %rdi */
	jz	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret
