/*
 * red team 19 (lead), after red team 18 a F5 on sparc64: the clock's stub
 * turns interrupts on before it raises cpl to the clock's IPL, one
 * instruction past sti's interrupt shadow (Intel SDM vol. 2B, STI), so a
 * request the CPU held behind the clock's interrupt gate (another clock
 * one too) is taken there and its handler runs before the clock's own: a
 * priority inversion inside a stub.  NetBSD 1.6 vector.s INTRSTUB raises
 * cpl, then sti; the port's own stub (kernel_snippets/i386/intr.S) too.
 * Only the clock's stub is replaced; the other sources keep the port's.
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
	sti				/* too early: cpl still the interrupted one */
	movl	%esp, %ebp		/* one instruction past sti's shadow */
	orl	$\spl, cpl
	call	handler_\name
	cli
	popl	%eax
	jmp	Xdoreti
	.endif
	.endm

	IPLEMU_SOURCES INVERTED
