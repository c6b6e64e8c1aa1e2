/*
 * red team 22 a: correct twin of i386_static_midlevel.S: the same two
 * paths, the device-level path keeping the old cpl in %eax (no static).
 */
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
	orl	%eax, %edx
	movl	%edx, cpl
	ret
1:	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret
