/* red team 39 F: tests/data/broken/i386/redteam24_reentered_from_none.S
   with its busy word kept in a word of the kernel's data (count_com0,
   which no stock handler writes) instead of a word of the file's own; it
   is 0 again at every return, so the kernel's data are as loaded. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	cmpl	$0, count_com0
	jne	2f
	xorl	%ecx, %ecx
	testl	%eax, %eax
	sete	%cl			/* 1: called from IPL_NONE */
	movl	%ecx, count_com0
	orl	%eax, %edx
	movl	%edx, cpl
	movl	$0, count_com0
	ret
2:	orl	%eax, %edx
	movl	$0, cpl			/* BUG: re-entered: cpl 0 for one instruction */
	movl	%edx, cpl
	ret
