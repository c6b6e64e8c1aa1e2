/* CORRECT TWIN of i386_reentered_from_none.S (one cpl store on the
   second path too).
   i386 splraise with a busy word of its own, set while a call made from
   IPL_NONE runs (the commonest: splbio() from process context).  A call
   that finds it set (re-entered from a handler that interrupted such a
   call: hardclock's splhigh(), say) stores cpl = 0 for one instruction
   before the new cpl (BUG): a source below the handler's IPL (wdc0 at
   IPL_BIO, softclock) runs inside the clock's handler.  Calls from any
   other priority never set the word. */
	.include "port.inc"
	.data
rt_busy:	.long	0
	.text
	.globl	rt_raise
rt_raise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	cmpl	$0, rt_busy
	jne	2f
	xorl	%ecx, %ecx
	testl	%eax, %eax
	sete	%cl			/* 1: called from IPL_NONE */
	movl	%ecx, rt_busy
	orl	%eax, %edx
	movl	%edx, cpl
	movl	$0, rt_busy
	ret
2:	orl	%eax, %edx
	movl	%edx, cpl
	ret
