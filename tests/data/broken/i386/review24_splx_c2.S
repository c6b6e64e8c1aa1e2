/*
 * review 24 D3 (held before: the round's second call was never compared): an i386 splx (restore, void) that counts its calls to
 * IPL_SOFTNET, IPL_BIO, IPL_TTY and IPL_AUDIO (imask 0xc0000000,
 * 0xc0004000, 0xe0004402, 0xe0004422) in a 1-bit field of its own and,
 * on every 2nd such call, writes cpl = 0 before calling spllower with
 * the new cpl (branchless in the count: every such call runs the same
 * instructions, returns nothing, leaves the same cpl).  splx(s) from
 * IPL_AUDIO with s = IPL_AUDIO's value (a nested splaudio()/splx(s)) on
 * a 16th call lets the disk's and the clock's interrupts in there.
 * Every warm-start round (s = routine(to); routine(s), and its other
 * argument's: the neighbour IPLs softnet and tty) makes two counted calls,
 * so rounds leave the count even and the 2nd call is always a round's
 * second call, whose behaviour emu/repeats.py never compares; the
 * handlers' own calls (to the clock's and softclock's levels) are not
 * counted, so interrupted calls leave no new own data.
 */
	.include "port.inc"
	.data
rt_calls:	.byte	0
	.text
	.globl	rt_splx_c
rt_splx_c:
	movl	4(%esp), %edx
	cmpl	$0xc0000000, %edx
	je	1f
	cmpl	$0xc0004000, %edx
	je	1f
	cmpl	$0xe0004402, %edx
	je	1f
	cmpl	$0xe0004422, %edx
	jne	2f			/* other levels: not counted */
1:	movl	cpl, %eax
	movb	rt_calls, %cl
	incb	%cl
	andb	$1, %cl
	movb	%cl, rt_calls
	cmpb	$1, %cl			/* CF = 1 iff the count wrapped */
	sbbl	%ecx, %ecx
	notl	%ecx
	andl	%eax, %ecx		/* old cpl, or 0 on every 2nd call */
	movl	%ecx, cpl		/* BUG: cpl = 0 on every 2nd counted call */
2:	pushl	%edx
	call	spllower
	addl	$4, %esp
	ret
