/* i386 spllower with a byte-wide statistics counter of its own, bumped on
   every call to IPL_NONE (branch-free, read by nothing on the common path).  On the
   replay path (a pending source the new cpl unblocks) it samples: on the
   call that finds the counter at 100 it skips the replay (BUG: the pending
   request stays pending, unblocked, past the return).  Every round of
   earlier calls (no interrupt, nothing pending) runs the same
   instructions, so emu/repeats.py makes no state of the counter a start,
   though its rounds reach all 256. */
	.include "port.inc"
	.data
rt_count:	.byte	0
	.text
	.globl	rt_lower
rt_lower:
	xorl	%ecx, %ecx
	cmpl	$0, 4(%esp)		/* count the calls that lower to IPL_NONE */
	sete	%cl
	addb	%cl, rt_count
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	cmpb	$100, rt_count
	je	2f			/* BUG: the sampled call replays nothing */
	pushl	%eax
	call	Xspllower
	popl	%eax
2:	ret
