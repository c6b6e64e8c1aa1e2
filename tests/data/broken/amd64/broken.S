/* Deliberately broken amd64 spl routines and stubs (test data).  Each one
   must be caught by the test or check named beside it (tests/test_port_amd64.py,
   tests/test_check.py, tests/test_engine.py). */
	.include "port.inc"
	.text

/* splraise that lowers: stores the new mask instead of OR-ing it in. */
	.globl	splraise_lowers
splraise_lowers:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	ret

/* spllower that only stores cpl: pending interrupts are lost (left waiting). */
	.globl	spllower_loses
spllower_loses:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	ret

/* splx that restores one bit too few (drops softnet's bit 30). */
	.globl	splx_wrong
splx_wrong:
	andl	$0xbfffffff, %edi
	jmp	spllower

/* The 32-bit habit on amd64: spllower taking its argument from the stack
   (i386 cdecl) instead of %edi.  It sets cpl to whatever lies above the
   return address. */
	.globl	spllower_cdecl
spllower_cdecl:
	movl	cpl(%rip), %eax
	movl	8(%rsp), %edi
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	1f
	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret

/* A clock stub that returns with cpl cleared: it does not restore the
   interrupted priority. */
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	orl	$SRC_CLOCK_SPL, cpl(%rip)
	sti
	call	handler_clock
	cli
	xorl	%eax, %eax
	jmp	Xdoreti
