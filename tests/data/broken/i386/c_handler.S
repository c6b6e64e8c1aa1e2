/* interrupt_transparent, once handlers are C functions: a clock stub (the
   port's, but for one register) keeps the cpl to return to in %ecx across
   its handler's call, and a handler that changes no register.  A C handler
   may change %ecx (i386 SysV ABI: caller-saved). */
	.include "port.inc"
	.text
	.globl	Xintr_clock_keeps_scratch
Xintr_clock_keeps_scratch:
	pushal
	testl	$(1 << SRC_CLOCK_BIT), cpl
	jz	1f
	orl	$(1 << SRC_CLOCK_BIT), ipending
	popal
	iret
1:	movl	cpl, %ecx		/* WRONG: a C handler may change %ecx */
	orl	$SRC_CLOCK_SPL, cpl
	sti
	call	handler_clock
	cli
	movl	%ecx, %eax		/* the cpl to return to, for Xdoreti */
	jmp	Xdoreti

	.globl	handler_clock
handler_clock:				/* changes no register */
	ret
