/* i386 routines and stubs that break one clause of the spl contract each
   (issue 9; archs/README.md "The contract").  The property each must fail
   is named beside it; tests/test_contract.py checks that it does. */
	.include "port.inc"
	.text

/* returns_previous: returns the new cpl instead of the old one. */
	.globl	splraise_returns_new
splraise_returns_new:
	movl	4(%esp), %edx
	orl	cpl, %edx
	movl	%edx, cpl
	movl	%edx, %eax
	ret

/* preserves: uses the callee-saved %ebx as scratch without saving it. */
	.globl	splraise_clobbers_ebx
splraise_clobbers_ebx:
	movl	4(%esp), %ebx
	movl	cpl, %eax
	orl	%eax, %ebx
	movl	%ebx, cpl
	ret

/* preserves: shuts interrupts off around the store and never turns them
   back on (the caller returns with EFLAGS.IF = 0). */
	.globl	spllower_leaves_cli
spllower_leaves_cli:
	cli
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret

/* handler_priority: replays pending sources by calling their handlers
   itself, at the new cpl, so a lower source preempts a replayed handler. */
	.macro CALL_HANDLER name, bit, level, spl, vector
	cmpl	$\bit, %ecx
	jne	9f
	call	handler_\name
	jmp	8b
9:
	.endm
	.globl	spllower_replays_low
spllower_replays_low:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	pushl	%eax
8:	movl	cpl, %ecx
	notl	%ecx
	andl	ipending, %ecx
	jz	7f
	bsfl	%ecx, %ecx
	btrl	%ecx, ipending
	IPLEMU_SOURCES CALL_HANDLER
	ud2
7:	popl	%eax
	ret

/* served_once: the replay claims a pending bit with load / clear / store
   while interrupts are on: a source pended between the load and the store
   is erased (seen at depth 2: one source pended, a second arriving while
   the first is claimed). */
	.macro RESUME_TO name, bit, level, spl, vector
	cmpl	$\bit, %ebx
	je	Xresume_\name
	.endm
	.globl	spllower_racy_claim
spllower_racy_claim:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax
	pushl	%ebx
2:	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	movl	ipending, %ecx		/* claim: load ... */
	btrl	%ebx, %ecx
	movl	%ecx, ipending		/* ... store: what arrived meanwhile is gone */
	pushfl
	pushl	%cs
	pushl	$2b
	cli
	IPLEMU_SOURCES RESUME_TO
	ud2
3:	popl	%ebx
	popl	%eax
	ret

/* no_fault: takes its argument for a pointer to the new cpl (splx(&s)
   where splx(s) was meant): reads an unmapped address. */
	.globl	splx_derefs
splx_derefs:
	movl	4(%esp), %edx
	movl	(%edx), %edx
	pushl	%edx
	call	spllower
	addl	$4, %esp
	ret

/* Correct as a void routine: a splx that leaves ipending in %eax (which an
   interrupt changes); judged as returning a value, it fails nesting. */
	.globl	splx_void
splx_void:
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	movl	ipending, %eax
	testl	%edx, %eax
	jz	1f
	call	Xspllower
1:	ret

/* defined_only: tests ipending against ~%ecx where ~%edx was meant: whether
   it replays depends on what %ecx held at the call. */
	.globl	spllower_stale_ecx
spllower_stale_ecx:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%ecx
	testl	%ecx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret

/* defined_only: "already there" when CF is set, a flag nothing here set
   (EFLAGS' arithmetic flags are undefined at a call: abi.scratch). */
	.globl	spllower_stale_cf
spllower_stale_cf:
	movl	cpl, %eax
	jc	1f			/* WRONG: CF was never set */
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret

/* defined_only: inc and dec write OF SF ZF AF PF but leave CF (Intel SDM
   vol. 2A INC, DEC "Flags Affected"): the adc adds the caller's CF. */
	.globl	spllower_cf_after_inc
spllower_cf_after_inc:
	movl	cpl, %eax
	movl	4(%esp), %edx
	incl	%edx
	decl	%edx
	movl	%edx, cpl
	adcl	$-1, %edx		/* WRONG: CF is still the caller's */
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
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
	movl	4(%esp), %edx
	incl	%edx
	decl	%edx
	movl	count_clock, %ecx
	movl	count_clock, %eax
	notl	%ecx
	leal	1(%eax,%ecx), %ecx	/* the second read less the first */
	jecxz	2f			/* no clock in between */
	jnc	1f			/* WRONG: CF never written */
2:	movl	cpl, %eax
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	3f
	pushl	%eax
	call	Xspllower
	popl	%eax
3:	ret
1:	movl	cpl, %eax		/* "already there" */
	ret

/* The clock's handler for this file: it counts its runs in count_clock,
   which spllower_cf_after_clock reads (the stock handler stores nothing). */
	.globl	handler_clock
handler_clock:
	incl	count_clock
	ret

/* interrupt_transparent: a clock stub that keeps only %eax and uses %ecx
   for its own work: the interrupted code gets its %ecx back changed. */
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	pushl	%eax
	movl	cpl, %ecx
	testl	$(1 << SRC_CLOCK_BIT), %ecx
	jz	1f
	orl	$(1 << SRC_CLOCK_BIT), ipending
	popl	%eax
	iret
1:	pushal
	jmp	Xbody_after_save
Xbody_after_save:
	movl	cpl, %eax
	pushl	%eax
	orl	$SRC_CLOCK_SPL, cpl
	sti
	call	handler_clock
	cli
	popl	%eax
	movl	%eax, cpl
	popal
	popl	%eax
	iret

/* defined_only: keeps the old cpl below the stack pointer across the
   write, where an interrupt pushes its frame (interrupt.changes): after an
   interrupt there, what it reads back is undefined. */
	.globl	splraise_below_sp
splraise_below_sp:
	movl	cpl, %eax
	movl	%eax, -16(%esp)
	movl	4(%esp), %edx
	orl	%eax, %edx
	movl	%edx, cpl
	movl	-16(%esp), %eax
	ret

/* Added by the red-team pass: the ways a kernel programmer gets an spl
   routine wrong, each failing the property named. */

/* no_lost: tests ipending against the new mask BEFORE it stores cpl: a
   source pended in between (blocked by the old cpl) is never replayed. */
	.globl	spllower_tests_first
spllower_tests_first:
	movl	cpl, %eax
	movl	4(%esp), %edx
	notl	%edx
	testl	%edx, ipending
	notl	%edx			/* (notl leaves the flags alone) */
	movl	%edx, cpl
	jnz	1f
	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret

/* served_once: replays a pending source and clears its bit only after the
   handler returned; the stub's tail (Xdoreti) sees it still pending and
   runs it a second time. */
	.globl	spllower_clears_late
spllower_clears_late:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	pushl	%eax
	pushl	%ebx
2:	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	pushl	%ebx
	pushfl
	pushl	%cs
	pushl	$4f
	cli
	IPLEMU_SOURCES RESUME_TO
	ud2
4:	popl	%ebx
	btrl	%ebx, ipending		/* WRONG: too late */
	jmp	2b
3:	popl	%ebx
	popl	%eax
	ret

/* preserves: an inline replay loop that uses %ebx without saving it, so
   only a call that finds something pending clobbers it. */
	.globl	spllower_ebx_when_pending
spllower_ebx_when_pending:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax
2:	movl	cpl, %ebx		/* WRONG: %ebx is the caller's */
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending
	jnc	2b
	pushfl
	pushl	%cs
	pushl	$2b
	cli
	jmp	Xresume
3:	popl	%eax
	ret

/* exact: "raise to the larger mask" with a signed compare: every mask but
   0 has bit 31 set (negative), so from IPL_NONE it never raises. */
	.globl	splraise_signed_max
splraise_signed_max:
	movl	cpl, %eax
	movl	4(%esp), %edx
	cmpl	%eax, %edx
	jle	1f			/* WRONG: jbe would order the nested masks */
	movl	%edx, cpl
1:	ret

/* no_window: clears cpl, then stores the new mask: for one instruction
   every source is let in. */
	.globl	spllower_clear_then_set
spllower_clear_then_set:
	movl	cpl, %eax
	movl	$0, cpl			/* WRONG */
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret

/* preserves: cli around the store; the sti is on the nothing-pending
   path only, so a call that replays returns with IF = 0. */
	.globl	spllower_sti_one_path
spllower_sti_one_path:
	cli
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	sti
	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret

/* no_window: swaps the argument in, then ors the old mask back: between
   the two, cpl is the argument alone, below the old level. */
	.globl	splraise_xchg_then_or
splraise_xchg_then_or:
	movl	4(%esp), %edx
	xchgl	%edx, cpl
	movl	%edx, %eax
	orl	%eax, cpl
	ret

/* preserves: saves %ebx, then stores the old cpl where it counts the
   argument slot but double-counts the push: 12(%esp) is the caller's. */
	.globl	splraise_scribbles_frame
splraise_scribbles_frame:
	pushl	%ebx
	movl	8(%esp), %ebx
	movl	cpl, %eax
	orl	%eax, %ebx
	movl	%ebx, cpl
	movl	%eax, 12(%esp)		/* WRONG: 8(%esp) is the argument */
	popl	%ebx
	ret

/* preserves: counts its calls, in a word that is not its own (the clock
   handler's counter: a name slip). */
	.globl	splraise_counts_clock
splraise_counts_clock:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incl	count_clock		/* WRONG: not this routine's word */
	ret

/* Correct, in another style: pushfl / cli around the swap, popfl before
   the replay test. */
	.globl	spllower_cli_ok
spllower_cli_ok:
	pushfl
	cli
	movl	cpl, %eax
	movl	8(%esp), %edx
	movl	%edx, cpl
	popfl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret

/* Correct on an Intel486 or later: cpl |= ncpl with lock cmpxchg, retried
   until no interrupt changed cpl in between.  BROKEN on the 80386 of
   NetBSD/i386 1.6 (no CMPXCHG: #UD); amd64's redteam17_isa_ok.S holds. */
	.globl	splraise_cmpxchg_ok
splraise_cmpxchg_ok:
	pushl	%ebx
	movl	cpl, %eax
1:	movl	8(%esp), %ebx
	orl	%eax, %ebx
	lock cmpxchgl %ebx, cpl
	jnz	1b
	popl	%ebx
	ret

/* Correct: counts its calls in a word of its own (data a --snippet file
   defines is its routines'). */
	.data
my_calls:	.long	0
	.text
	.globl	splraise_counts_own
splraise_counts_own:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	incl	my_calls
	ret

/* nesting, returns_previous: keeps the old cpl in %ecx across the call to
   Xspllower, which the ABI lets clobber it (the port's does, as a C
   function may): only a call that replays returns garbage. */
	.globl	spllower_ecx_across_call
spllower_ecx_across_call:
	movl	cpl, %ecx
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	call	Xspllower		/* WRONG: %ecx does not survive it */
1:	movl	%ecx, %eax
	ret

/* served_once: runs softclock's handler whenever it lowers below
   IPL_SOFTCLOCK, pending or not (meant: when its ipending bit is set): a
   handler run with no request, seen with no injection at all. */
	.globl	spllower_spurious_softclock
spllower_spurious_softclock:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	testl	$0x80000000, %edx
	jnz	1f
	pushl	%eax
	orl	$0x80000000, cpl	/* at its own level */
	call	handler_softclock	/* WRONG: no test of ipending */
	movl	4+4(%esp), %edx
	movl	%edx, cpl
	popl	%eax
1:	notl	%edx
	testl	%edx, ipending
	jz	2f
	pushl	%eax
	call	Xspllower
	popl	%eax
2:	ret

/* Correct: tests ipending with IF clear, then `sti; movl %edx, cpl`: an sti
   that sets IF shadows the next boundary (SDM vol. 2B, STI), so no
   interrupt comes between the test and the store.  (Red-team pass 3: this
   failed no_lost while the backend took interrupts right after sti.)  It
   sets IF only where the caller had it set: called with IF clear it
   stores with IF clear (red team 17 F9: an sti there enables interrupts
   its caller disabled). */
	.globl	spllower_sti_shadow_ok
spllower_sti_shadow_ok:
	movl	4(%esp), %edx
	pushfl
	cli
	movl	cpl, %eax
	movl	%edx, %ecx
	notl	%ecx
	testl	%ecx, ipending
	jnz	1f
	testl	$0x200, (%esp)		/* the caller's IF */
	leal	4(%esp), %esp		/* drop the saved EFLAGS; flags kept */
	jz	2f
	sti
	movl	%edx, cpl		/* in sti's shadow */
	ret
2:	movl	%edx, cpl
	ret
1:	movl	%edx, cpl
	popfl
	pushl	%eax
	call	Xspllower
	popl	%eax
	ret

/* no_lost: the same with one instruction between sti and the store: the
   shadow covers one boundary only, and a source pended there (the old cpl
   blocks it) is never replayed. */
	.globl	spllower_sti_nop
spllower_sti_nop:
	movl	4(%esp), %edx
	cli
	movl	cpl, %eax
	movl	%edx, %ecx
	notl	%ecx
	testl	%ecx, ipending
	jnz	1f
	sti
	nop
	movl	%edx, cpl
	ret
1:	movl	%edx, cpl
	sti
	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
