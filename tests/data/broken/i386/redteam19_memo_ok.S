/*
 * red team 19 a: the correct twin of redteam19_memo_from.S and
 * redteam19_memo_fill_race.S: the one-entry cache keyed on both inputs
 * (cpl found, argument), looked up AND filled with interrupts off
 * (pushfl; cli ... popfl), so no handler's call can interleave with
 * either; right after any earlier call, with another argument or
 * interrupted.  Holds.
 */
	.include "port.inc"
	.data
memo_from:	.long	0xffffffff
memo_arg:	.long	0
memo_to:	.long	0
	.text
	.globl	memo_raise_ok
memo_raise_ok:
	movl	4(%esp), %edx
	pushfl
	cli
	movl	cpl, %eax
	cmpl	memo_from, %eax
	jne	1f
	cmpl	memo_arg, %edx
	jne	1f
	movl	memo_to, %edx
	jmp	2f
1:	movl	%eax, memo_from
	movl	%edx, memo_arg
	orl	%eax, %edx
	movl	%edx, memo_to
2:	movl	%edx, cpl
	popfl
	ret
