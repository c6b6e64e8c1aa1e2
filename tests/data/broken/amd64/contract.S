/* amd64 routines that break one clause of the spl contract each (issue 9;
   archs/README.md "The contract").  The property each must fail is named
   beside it; tests/test_contract.py checks that it does. */
	.include "port.inc"
	.text

/* returns_previous: returns the new cpl instead of the old one. */
	.globl	splraise_returns_new
splraise_returns_new:
	orl	cpl(%rip), %edi
	movl	%edi, cpl(%rip)
	movl	%edi, %eax
	ret

/* preserves: keeps the old cpl in %ebx, a register its caller owns
   (psABI figure 3.4: %rbx is callee-saved), without saving it. */
	.globl	splraise_clobbers_rbx
splraise_clobbers_rbx:
	movl	cpl(%rip), %ebx
	orl	%ebx, %edi
	movl	%edi, cpl(%rip)
	movl	%ebx, %eax
	ret

/* preserves: shuts interrupts off around the store and never turns them
   back on (the caller returns with RFLAGS.IF = 0). */
	.globl	spllower_leaves_cli
spllower_leaves_cli:
	cli
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret

/* handler_priority: replays pending sources by calling their handlers
   itself, at the new cpl, so the replayed handler runs unprotected from
   its own source. */
	.macro CALL_HANDLER name, bit, level, spl, vector
	cmpl	$\bit, %ecx
	jne	9f
	call	handler_\name
	jmp	8b
9:
	.endm
	.globl	spllower_replays_low
spllower_replays_low:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	pushq	%rax
8:	movl	cpl(%rip), %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	7f
	bsfl	%ecx, %ecx
	btrl	%ecx, ipending(%rip)
	IPLEMU_SOURCES CALL_HANDLER
	ud2
7:	popq	%rax
	ret

/* served_once: the replay claims a pending bit with load / clear / store
   while interrupts are on: a source pended between the load and the store
   is erased (seen at depth 2). */
	.macro RESUME_TO name, bit, level, spl, vector
	cmpl	$\bit, %ecx
	je	Xresume_\name
	.endm
	.globl	spllower_racy_claim
spllower_racy_claim:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	1f
	ret
1:	pushq	%rax
2:	movl	cpl(%rip), %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	3f
	bsfl	%ecx, %ecx
	movl	ipending(%rip), %edx	/* claim: load ... */
	btrl	%ecx, %edx
	movl	%edx, ipending(%rip)	/* ... store: what arrived meanwhile is gone */
	movq	%rsp, %rdx
	pushq	$0x10
	pushq	%rdx
	pushfq
	pushq	$0x08
	leaq	2b(%rip), %rdx
	pushq	%rdx
	cli
	IPLEMU_SOURCES RESUME_TO
	ud2
3:	popq	%rax
	ret

/* no_fault: takes its argument for a pointer to the new cpl (splx(&s)
   where splx(s) was meant): reads an unmapped address. */
	.globl	splx_derefs
splx_derefs:
	movl	(%rdi), %edi
	jmp	spllower

/* defined_only: tests ipending against %ecx, which the call leaves
   undefined, instead of the argument: the replay depends on garbage. */
	.globl	spllower_stale_ecx
spllower_stale_ecx:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%ecx
	testl	%ecx, ipending(%rip)
	jz	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret

/* defined_only: "already there" when CF is set, a flag nothing here set
   (RFLAGS' arithmetic flags are undefined at a call: abi.scratch). */
	.globl	spllower_stale_cf
spllower_stale_cf:
	movl	cpl(%rip), %eax
	jc	1f			/* WRONG: CF was never set */
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret

/* defined_only: inc and dec write OF SF ZF AF PF but leave CF (Intel SDM
   vol. 2A INC, DEC "Flags Affected"): the adc adds the caller's CF. */
	.globl	spllower_cf_after_inc
spllower_cf_after_inc:
	movl	cpl(%rip), %eax
	incl	%edi
	decl	%edi
	movl	%edi, cpl(%rip)
	adcl	$-1, %edi		/* WRONG: CF is still the caller's */
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	1f
	pushq	%rax
	call	Xspllower
	popq	%rax
1:	ret

/* defined_only, only after an interrupt: the inc/dec pair writes every
   arithmetic flag but CF; then count_clock (its handler counts the clock's
   runs) is read twice, and when it changed in between (the clock ran
   there) the routine branches on CF, which nothing set.  The baseline never
   reads CF; a case delivering the clock between the reads does, and ends
   otherwise when CF (never written since the call, though the flags
   beside it were) is flipped.  not, lea and jecxz leave the flags alone. */
	.globl	spllower_cf_after_clock
spllower_cf_after_clock:
	incl	%edi
	decl	%edi
	movl	count_clock(%rip), %ecx
	movl	count_clock(%rip), %eax
	notl	%ecx
	leal	1(%rax,%rcx), %ecx	/* the second read less the first */
	jecxz	2f			/* no clock in between */
	jnc	1f			/* WRONG: CF never written */
2:	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jz	3f
	pushq	%rax
	call	Xspllower
	popq	%rax
3:	ret
1:	movl	cpl(%rip), %eax		/* "already there" */
	ret

/* The clock's handler for this file: it counts its runs in count_clock,
   which spllower_cf_after_clock reads (the stock handler stores nothing). */
	.globl	handler_clock
handler_clock:
	incl	count_clock(%rip)
	ret

/* interrupt_transparent: a clock stub that looks at cpl in %ecx before it
   has saved anything: the interrupted code gets its %rcx back changed. */
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	movl	cpl(%rip), %ecx
	jmp	Xintr_clock

/* Correct: loads the old cpl with a 64-bit movq (cpl and ipending, the
   word after it): %eax is the old cpl, and an int result is %eax alone
   (abi.result_upper: undefined; the caller extends it).  (Red-team pass 3:
   this failed nesting, the whole %rax compared.) */
	.globl	splraise_movq_load_ok
splraise_movq_load_ok:
	movq	cpl(%rip), %rax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret
