/* BROKEN: "splraise(0) does nothing" shortcut that tests the wrong
   register: %ecx (scratch, undefined at the call: abi.scratch) instead of
   %edx, the argument just loaded.  Whenever the caller happens to leave
   %ecx = 0 (as often as not), splraise returns without raising.
   Truth: defined_only (and exact) should fail; the end depends on %ecx. */
	.include "port.inc"
	.text
	.globl	rt_raise_testecx
rt_raise_testecx:
	movl	4(%esp), %edx
	movl	cpl, %eax
	testl	%ecx, %ecx		/* BUG: meant %edx */
	jz	1f
	orl	%eax, %edx
	movl	%edx, cpl
1:	ret
