/* red team 37: BROKEN (expected: preserves).  i386 twin of
   redteam37_raise_dr7.S: splraise that writes DR7 := 0x401 (L0: DR0's
   address becomes a breakpoint). */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movl	$0x401, %ecx
	movl	%ecx, %dr7		/* BUG */
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
