/* BROKEN (depth 2, served_once/no_lost): the blocked path of the stubs
   stores its bit into ipending (movl) instead of OR-ing it: a second
   blocked source overwrites the first's request. */
	.include "port.inc"
	.macro INTRSTUB2 name, bit, level, spl, vector
	.text
	.globl	Xintr_\name, Xresume_\name
Xintr_\name:
	pushal
	testl	$(1 << \bit), cpl
	jz	9f
	movl	$(1 << \bit), ipending	/* WRONG: overwrites */
	popal
	iret
Xresume_\name:
	pushal
9:	movl	cpl, %eax
	pushl	%eax
	orl	$\spl, cpl
	sti
	call	handler_\name
	cli
	popl	%eax
	jmp	Xdoreti
	.endm
	IPLEMU_SOURCES INTRSTUB2
