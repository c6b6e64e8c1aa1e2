/*
 * red team 19 (lead): the twin of redteam19_stub_inversion.S that is
 * right: sti immediately before the instruction raising cpl.  The CPU
 * takes no interrupt until the instruction after STI has run (Intel SDM
 * vol. 2B, STI: the interrupt shadow), so nothing gets in before cpl is
 * the clock's IPL.  Only the clock's stub is replaced.
 */
	.include "port.inc"

	.macro INVERTED name, bit, level, spl, vector
	.ifc	\name,clock
	.text
	.globl	Xintr_\name
Xintr_\name:
	pushal
	testl	$(1 << \bit), cpl
	jz	1f
	orl	$(1 << \bit), ipending
	popal
	iret
1:	movl	cpl, %eax
	pushl	%eax
	sti				/* in its shadow: nothing is taken before orl */
	orl	$\spl, cpl
	call	handler_\name
	cli
	popl	%eax
	jmp	Xdoreti
	.endif
	.endm

	IPLEMU_SOURCES INVERTED
