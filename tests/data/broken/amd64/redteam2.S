/* amd64 spl routines of the second red-team pass: each broken one wrong
   in one way a kernel programmer gets it wrong (the property it must fail
   is named beside it), and correct ones in styles unlike the port's own.
   tests/test_contract.py runs them. */
	.include "port.inc"
	.text

/* defined_only: keeps the old cpl in the red zone (below %rsp), as user
   code compiled without -mno-red-zone does; an interrupt's frame lands
   there (SDM 3A §6.14.2) and the value read back is gone. */
	.globl	splraise_red_zone
splraise_red_zone:
	movl	cpl(%rip), %eax
	movl	%eax, -4(%rsp)
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	movl	-4(%rsp), %eax
	ret

/* served_once: stores the new cpl with a 64-bit move, so the upper half
   of %rdi lands on ipending, the word after cpl: pended sources are wiped. */
	.globl	splraise_movq
splraise_movq:
	movl	cpl(%rip), %eax
	orq	%rax, %rdi
	movq	%rdi, cpl(%rip)
	ret

/* served_once (depth 2): claims the pending bit with a load, and, store: a source
   pended by an interrupt between the load and the store is wiped. */
	.globl	spllower_claim_rmw
spllower_claim_rmw:
	movl	cpl(%rip), %eax
	pushq	%rax
	movl	%edi, cpl(%rip)
1:	movl	cpl(%rip), %ecx
	notl	%ecx
	movl	ipending(%rip), %edx
	andl	%edx, %ecx
	jz	2f
	bsfl	%ecx, %ecx
	btrl	%ecx, %edx
	movl	%edx, ipending(%rip)	/* not atomic: an interrupt may have pended in between */
	movq	%rsp, %rdx
	pushq	$0x10
	pushq	%rdx
	pushfq
	pushq	$0x08
	leaq	1b(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
2:	popq	%rax
	ret

/* Correct (depth 2): resumes one pending source and returns without
   looking at ipending again; the stub leaves through Xdoreti, which
   replays the rest the restored cpl lets in, so a second pending source
   is not left waiting. */
	.globl	spllower_resume_once_ok
spllower_resume_once_ok:
	movl	cpl(%rip), %eax
	pushq	%rax
	movl	%edi, cpl(%rip)
	movl	%edi, %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	2f
	bsfl	%ecx, %ecx
	lock btrl %ecx, ipending(%rip)
	jnc	2f
	movq	%rsp, %rdx
	pushq	$0x10
	pushq	%rdx
	pushfq
	pushq	$0x08
	leaq	2f(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
2:	popq	%rax
	ret

/* no_lost: tests ipending against the new cpl before storing it: a
   source that arrives between the test and the store is pended by the
   old cpl and left there. */
	.globl	spllower_test_before_store
spllower_test_before_store:
	movl	cpl(%rip), %eax
	movl	%edi, %ecx
	notl	%ecx
	testl	%ecx, ipending(%rip)
	movl	%edi, cpl(%rip)
	jnz	1f
	ret
1:	pushq	%rax
	call	Xspllower
	popq	%rax
	ret

/* no_fault: an IPL-number routine indexing its table with the whole %rdi:
   an int argument's upper half is the caller's garbage (abi.arg_bits; GCC
   writes movslq %edi, %rdi first). */
	.data
	.align	4
ipl_table:
	.long	SPL_SERIAL, SPL_CLOCK, SPL_AUDIO, SPL_TTY, SPL_SOFTSERIAL	/* by IPL_* value, */
	.long	SPL_NET, SPL_BIO, SPL_SOFTNET, SPL_SOFTCLOCK, SPL_NONE	/* 0 (SERIAL) to 9 (NONE) */
	.text
	.globl	splraise_index_rdi
splraise_index_rdi:
	leaq	ipl_table(%rip), %rdx
	movl	(%rdx,%rdi,4), %edi
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret

/* Correct: the same table, indexed by the argument sign-extended. */
	.globl	splraise_index_ok
splraise_index_ok:
	movslq	%edi, %rdi
	leaq	ipl_table(%rip), %rdx
	movl	cpl(%rip), %eax
	movl	(%rdx,%rdi,4), %edi
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret

/* Correct: raise in one read-modify-write of cpl (an interrupt comes
   between instructions, and gives cpl back as it found it). */
	.globl	splraise_orl_ok
splraise_orl_ok:
	movl	cpl(%rip), %eax
	orl	%edi, cpl(%rip)
	ret

/* Correct: lower with interrupts off from the store to the replay
   decision, a loop calling Xspllower until nothing is left, r12 saved. */
	.globl	spllower_cli_loop_ok
spllower_cli_loop_ok:
	pushq	%r12
	movl	%edi, %r12d
	pushfq
	cli
	movl	cpl(%rip), %eax
	pushq	%rax
	movl	%r12d, cpl(%rip)
1:	movl	%r12d, %ecx
	notl	%ecx
	testl	%ecx, ipending(%rip)
	jz	2f
	call	Xspllower
	jmp	1b
2:	popq	%rax
	popfq
	popq	%r12
	ret

/* Correct: a void splx as a tail call: store, and jump to Xspllower
   (which returns to our caller) when something is pending. */
	.globl	splx_tail_ok
splx_tail_ok:
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	Xspllower
	ret

/* preserves: the replay path bumps a kernel word that is not its own
   (count_clock, the clock handler's) as a statistics counter: only a
   case with an interrupt (something pending) gets there. */
	.globl	spllower_counts_wrong
spllower_counts_wrong:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	1f
	ret
1:	incl	count_clock(%rip)
	pushq	%rax
	call	Xspllower
	popq	%rax
	ret

/* returns_previous: keeps the old cpl in %ecx across the call to
   Xspllower, which may change it (psABI: %rcx is the callee's); the
   stack aligned for the call (psABI §3.2.2). */
	.globl	spllower_ecx_across_call
spllower_ecx_across_call:
	movl	cpl(%rip), %ecx
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	leaq	-8(%rsp), %rsp
	call	Xspllower
	leaq	8(%rsp), %rsp
1:	movl	%ecx, %eax
	ret
