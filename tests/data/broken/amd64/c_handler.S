/* nesting, once handlers are C functions: a clock stub (the port's, but for
   one register) keeps the cpl to return to in %ecx across its handler's
   call, and a handler that changes no register.  A C handler may change
   %rcx (System V AMD64 psABI 3.2.1: caller-saved). */
	.include "port.inc"
	.text
	.globl	Xintr_clock_keeps_scratch
Xintr_clock_keeps_scratch:
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	testl	$(1 << SRC_CLOCK_BIT), cpl(%rip)
	jz	1f
	orl	$(1 << SRC_CLOCK_BIT), ipending(%rip)
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	iretq
1:	movl	cpl(%rip), %ecx		/* WRONG: a C handler may change %rcx */
	orl	$SRC_CLOCK_SPL, cpl(%rip)
	sti
	call	handler_clock
	cli
	movl	%ecx, %eax		/* the cpl to return to, for Xdoreti */
	jmp	Xdoreti

	.globl	handler_clock
handler_clock:				/* changes no register */
	ret
