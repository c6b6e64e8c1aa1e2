/* BROKEN: splraise keeping ~cpl it last wrote in a slot below %esp
   (-4(%esp), a "local" of the previous call) and skipping its write when
   the slot says cpl is already ~slot.  The slot is read before this call
   writes it: in `s = splbio(); t = splhigh();' the second call finds
   ~IPL_BIO there, cpl == IPL_BIO, returns without raising. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	cpl, %eax
	movl	4(%esp), %edx
	orl	%eax, %edx
	movl	-4(%esp), %ecx		/* BUG: stale, the previous call's local */
	notl	%ecx
	cmpl	%ecx, %eax
	je	1f			/* "already written" */
	movl	%edx, cpl
1:	notl	%edx
	movl	%edx, -4(%esp)		/* remember ~cpl */
	ret
