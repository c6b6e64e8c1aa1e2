/* CORRECT TWIN of i386_replay_sampled.S: the same byte counter bumped on
   every call to IPL_NONE; the call that finds it at 100 on the replay path counts a
   sample in a second word and then replays as every call does. */
	.include "port.inc"
	.data
rt_count:	.byte	0
rt_sampled:	.long	0
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
	jne	2f
	incl	rt_sampled		/* the sample */
2:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret
