/*
 * The correct twin of redteam22_nested_count2.S: the same statistics byte
 * of nested calls (a call made while another call of it is inside),
 * never reset, and past 2 of them the same "debug" path, here writing cpl
 * once.  Every interrupted call whose handler calls it again leaves one
 * more, so each generation of own-data starts (the interrupted calls from
 * the state the last one left) leaves a new state: check explores
 * starts.LEFT_GENERATIONS of them and says the hold is within that many.
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
3:	movl	cpl, %eax		/* debug path: one write, right */
	incb	rt_busy
	cmpb	$1, rt_busy
	je	4f
	incb	rt_nested
4:	orl	%eax, %edx
	movl	%edx, cpl
	decb	rt_busy
	ret
