/*
 * red team 20 A: amd64 twin of i386_resume_inversion.S: the clock's replay
 * entry Xresume_clock (entered from Xspllower/Xdoreti with IF = 0) does
 * sti before it raises cpl to the clock's IPL.
 */
	.include "port.inc"
	.text
	.globl	Xresume_clock
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
	movl	cpl(%rip), %eax
	pushq	%rax
	leaq	-8(%rsp), %rsp
	sti				/* too early: cpl still the lowered one */
	nop				/* past sti's shadow */
	orl	$SRC_CLOCK_SPL, cpl(%rip)
	call	handler_clock
	cli
	leaq	8(%rsp), %rsp
	popq	%rax
	jmp	Xdoreti
