/*
 * red team 30 I: splraise whose "target below the current level" path
 * (nothing to raise: a handler at IPL_AUDIO/IPL_CLOCK calling splvm()
 * through malloc(M_NOWAIT) or pool_get(), kern_malloc.c `s = splvm()`)
 * keeps the old cpl in a static between two instructions.  Called at
 * IPL_BIO with splsoftnet(): rt_old = cpl(BIO); an audio or clock
 * interrupt (unblocked at BIO) whose handler calls splvm() (a target
 * strictly below its own level) takes the same path and leaves
 * rt_old = the handler's cpl; the outer call returns that, and the
 * caller's splx(s) leaves cpl at IPL_AUDIO/CLOCK.
 * Should fail: returns_previous (and exact of the caller's restore).
 */
	.include "port.inc"
	.data
rt_old:	.long	0
	.text
	.globl	rt_splraise_bl
rt_splraise_bl:
	movl	4(%esp), %edx
	movl	cpl, %eax
	movl	%eax, %ecx
	orl	%edx, %ecx
	cmpl	%eax, %ecx
	jne	2f			/* blocks something more: raise */
	cmpl	%eax, %edx
	je	1f			/* same level: nothing to do */
	movl	%eax, rt_old		/* below the current level: remember it */
	movl	rt_old, %eax
	ret
1:	ret
2:	movl	%ecx, cpl
	ret
