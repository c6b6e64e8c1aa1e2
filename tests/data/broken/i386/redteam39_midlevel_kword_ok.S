/* Correct twin of redteam39_midlevel_kword.S (red team 39 F): the same
   store of the old cpl into count_com0 (a word of the kernel's data) on
   the device-level path and the same clear before the return, but the
   value returned is the register's, never read back from the word: a
   handler's call between the store and the return changes nothing the
   interrupted call uses. */
	.include "port.inc"
	.text
	.globl	rt_splraise_mid
rt_splraise_mid:
	movl	4(%esp), %edx
	testl	$0xffff, %edx
	jz	1f
	testl	$1, %edx
	jnz	1f
	movl	cpl, %eax
	movl	%eax, count_com0	/* a note of the old cpl, never read back */
	orl	%eax, %edx
	movl	%edx, cpl
	movl	$0, count_com0		/* as loaded again */
	ret
1:	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
