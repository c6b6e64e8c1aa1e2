/*
 * red team 19 a F3 (held before check's starts from the own data an
 * interrupted call left): a splraise with a one-entry cache keyed right,
 * on both inputs (the cpl found and the argument), looked up with
 * interrupts off so that it never sees half an entry -- but filled with
 * interrupts on (after popfl), key first, then value.  A handler that
 * interrupts the fill and calls splraise itself (a driver's handler does
 * s = splXXX(); ...; splx(s): emu/reenter.py has the clock's handler call
 * the routine with imask[IPL_HIGH], then splx) fills the entry with its
 * own key and value; the interrupted fill then writes its own argument
 * and value under the handler's cpl.  The interrupted call returns
 * right; a LATER splraise from that cpl hits the torn entry and may
 * LOWER cpl (splraise must give cpl | ncpl: NetBSD 1.6
 * sys/arch/i386/include/intr.h splraise(), cpl |= ncpl).  check collects
 * the routine's own data (memo_from, memo_arg, memo_to) each interrupted
 * case leaves and calls every pair again from each torn state: FAILS
 * exact, the counter-example naming the interrupted call.  Correct twin:
 * redteam19_memo_ok.S (filled with interrupts off).
 */
	.include "port.inc"
	.data
memo_from:	.long	0xffffffff	/* no cpl is all ones: empty */
memo_arg:	.long	0
memo_to:	.long	0
	.text
	.globl	memo_raise_fill
memo_raise_fill:
	movl	4(%esp), %edx
	pushfl
	cli				/* a consistent lookup */
	movl	cpl, %eax
	cmpl	memo_from, %eax
	jne	1f
	cmpl	memo_arg, %edx
	jne	1f
	movl	memo_to, %edx		/* hit */
	movl	%edx, cpl
	popfl
	ret
1:	orl	%eax, %edx
	movl	%edx, cpl
	popfl				/* BUG: the fill below runs with IF = 1 */
	movl	%eax, memo_from
	movl	4(%esp), %ecx
	movl	%ecx, memo_arg
	movl	%edx, memo_to
	ret
