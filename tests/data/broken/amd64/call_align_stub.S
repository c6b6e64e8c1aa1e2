/* amd64: the clock's stub (kernel_snippets/amd64/intr.S's, by the same
   name) without the pad word before the handler's call: after the CPU's
   frame (RSP aligned to 16, five words), nine scratch registers and the
   cpl, %rsp is 8 off a multiple of 16 at the call (x86-64 psABI §3.2.2;
   abi.call_stack_alignment): no_fault, checked with the port's spllower
   (tests/test_contract.py). */
	.include "port.inc"
	.text
	.globl	Xintr_clock, Xresume_clock
Xintr_clock:
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
Xresume_clock:
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
1:	movl	cpl(%rip), %eax
	pushq	%rax
	orl	$SRC_CLOCK_SPL, cpl(%rip)
	sti
	call	handler_clock		/* %rsp 8 off: no pad */
	cli
	popq	%rax
	jmp	Xdoreti
