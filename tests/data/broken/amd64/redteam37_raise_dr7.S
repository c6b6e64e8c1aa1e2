/* red team 37: BROKEN (expected: preserves).  splraise that writes DR7 := 0x401
   (the debug control register: L0 on, so the address in DR0 -- whatever
   the debugger or nobody put there -- becomes an execution breakpoint and
   the next fetch there raises #DB) -- a system register the routine does
   not own; DR0-DR3 were abi.foreign on amd64, DR7 was not (now it is). */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	movl	$0x401, %ecx
	movq	%rcx, %dr7		/* BUG */
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
