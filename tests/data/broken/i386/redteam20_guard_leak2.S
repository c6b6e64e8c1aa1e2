/*
 * red team 20 A: splraise with a re-entry guard that leaks.  A call that
 * finds the guard at 1 (a handler's call nested in an interrupted one)
 * marks it 2 ("nested") and raises atomically; the outer call clears the
 * guard only when it is still 1, so after one interrupted call the guard
 * stays 2 for ever.  A call that finds 2 at entry takes a "recovery" path
 * that writes cpl non-atomically (cpl = 0 for one instruction).  With no
 * interrupt its result is right; an interrupt in that instruction runs a
 * handler that the caller's priority blocks (no_window).  Only a call made
 * after an interrupted call, and itself interrupted, goes wrong.
 * (Held before check explored the own-data starts with interrupts:
 * check._Checker.explore_start.)  Correct twin: rt_splraise_g2_ok, whose
 * recovery path raises with one store.
 */
	.include "port.inc"
	.data
rt_guard:	.long	0
	.text
	.globl	rt_splraise_g2
rt_splraise_g2:
	movl	4(%esp), %edx
	movl	rt_guard, %ecx
	cmpl	$2, %ecx
	je	3f
	cmpl	$1, %ecx
	je	2f
	movl	$1, rt_guard
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	cmpl	$1, rt_guard
	jne	1f
	movl	$0, rt_guard
1:	ret
2:	movl	$2, rt_guard		/* nested: remember it (never cleared) */
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
3:	movl	cpl, %eax		/* after a leak: non-atomic */
	movl	$0, cpl
	orl	%eax, %edx
	movl	%edx, cpl
	ret

/* Correct: the same guard, leaking alike, but the recovery path writes
   cpl once (cpl | argument), as the other paths do. */
	.data
rt_guard_ok:	.long	0
	.text
	.globl	rt_splraise_g2_ok
rt_splraise_g2_ok:
	movl	4(%esp), %edx
	movl	rt_guard_ok, %ecx
	cmpl	$2, %ecx
	je	3f
	cmpl	$1, %ecx
	je	2f
	movl	$1, rt_guard_ok
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	cmpl	$1, rt_guard_ok
	jne	1f
	movl	$0, rt_guard_ok
1:	ret
2:	movl	$2, rt_guard_ok		/* nested: remember it (never cleared) */
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
3:	movl	cpl, %eax		/* after a leak: one store */
	orl	%eax, %edx
	movl	%edx, cpl
	ret
