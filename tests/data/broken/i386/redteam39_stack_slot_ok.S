/* CORRECT twin of redteam39_i386_stack_slot.S: the same splraise keeping
   ~cpl in a slot below %esp, written before it is read (the slot is this
   call's own local from its first use), so the skip is taken only when
   this call's own cpl already holds what it would write. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	cpl, %eax
	movl	4(%esp), %edx
	orl	%eax, %edx
	movl	%eax, %ecx
	notl	%ecx
	movl	%ecx, -4(%esp)		/* this call's local: ~cpl as read */
	movl	-4(%esp), %ecx
	notl	%ecx
	cmpl	%ecx, %edx
	je	1f			/* nothing to raise */
	movl	%edx, cpl
1:	ret
