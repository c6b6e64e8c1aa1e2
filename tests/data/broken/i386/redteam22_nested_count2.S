/*
 * red team 22 a: an i386 splraise that counts nested calls (a call made
 * while another call of it is inside: a handler's, interrupting it) in a
 * statistics byte of its own, never reset, and past 2 of them takes a
 * "debug" path that writes cpl non-atomically (cpl = 0 for one
 * instruction, as redteam20_guard_leak2.S's recovery path).  One
 * interrupted call leaves the count at 1, right; a second one, at any
 * later time, at 2: from then on every call opens a window at IPL_NONE.
 * The own data need TWO interrupted calls (each from the state the other
 * left); no call without an interrupt changes them.
 */
	.include "port.inc"
	.data
rt_busy:	.byte	0
rt_nested:	.byte	0
	.text
	.globl	rt_splraise_n
rt_splraise_n:
	movl	4(%esp), %edx
	cmpb	$2, rt_nested
	jae	3f
	incb	rt_busy
	cmpb	$1, rt_busy
	je	1f
	incb	rt_nested		/* another call is inside: count it */
1:	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	decb	rt_busy
	ret
3:	movl	cpl, %eax		/* debug path: non-atomic */
	movl	$0, cpl
	orl	%eax, %edx
	movl	%edx, cpl
	ret
