/* BROKEN (red team 28 A F2, held): splraise reads cpl through %fs.  In
   NetBSD/i386 1.6's kernel %fs holds the interrupted process's selector
   (null, or a user segment ending below the kernel): #GP.  The model gave
   %fs a null selector that unicorn let through.  no_fault fails. */
	.include "port.inc"
	.text
	.globl	rt_raise_fs
rt_raise_fs:
	movl	4(%esp), %edx
	movl	%fs:cpl, %eax		# BUG
	orl	%eax, %edx
	movl	%edx, cpl
	ret
