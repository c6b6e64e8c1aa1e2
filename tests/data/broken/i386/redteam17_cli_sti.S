/* splraise that turns interrupts off around its read-modify-write of cpl
   with cli and back on with sti instead of giving back the EFLAGS.IF it
   found.  BUG: called with IF = 0 (inside disable_intr(), or an interrupt
   stub's tail) it returns with interrupts enabled (red team 17 F9's i386
   twin: held while every call started with IF = 1). */
	.include "port.inc"
	.text
	.globl	splraise_cli
splraise_cli:
	movl	4(%esp), %edx
	cli
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	sti				/* BUG: not the caller's IF */
	ret

/* Correct: the same with the caller's EFLAGS saved and given back. */
	.globl	splraise_cli_ok
splraise_cli_ok:
	pushfl
	cli
	movl	8(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	popfl
	ret
