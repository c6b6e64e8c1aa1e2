/* red team 24 F4 (held before: the state inside a round was no start): i386 splraise that counts outstanding raises in a byte of its own
   (its own splx, which the check uses as the restore, counts them back
   down).  A raise made while another is outstanding — the second of two
   plain nested calls, s = splbio(); t = splhigh() — stores cpl = 0 for
   one instruction before the new cpl (BUG: an interrupt there runs any
   handler inside both raises).  The first raise of a nest is correct.
   The count goes up after the priority write, so a handler's call of the
   routine inside the window sees the outer call's count. */
	.include "port.inc"
	.data
rt_depth:	.byte	0
	.text
	.globl	rt_raise, splx
rt_raise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	cmpb	$0, rt_depth
	je	1f
	movl	$0, cpl			/* BUG: nested: cpl 0 for one instruction */
1:	movl	%edx, cpl
	incb	rt_depth
	ret
splx:
	decb	rt_depth
	jmp	spllower
