/* amd64: an interrupt tail (Xdoreti, the port's is in intr.S) of the
   second red-team pass, checked with the port's spllower
   (tests/test_contract.py). */
	.include "port.inc"
	.text

/* no_lost (depth 2): restores the interrupted cpl and returns, without
   replaying what arrived (and was pended) while the handler ran at its
   own, higher, cpl: a second source taken inside the first's handler
   waits until some later spl call. */
	.globl	Xdoreti
Xdoreti:
	movl	%eax, cpl(%rip)
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
