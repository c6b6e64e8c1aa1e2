/*
 * static_when_pended_ok.S without its cli and sti: a raise that keeps the
 * old cpl in a static temporary only where a request arrived while it ran
 * (ipending not empty after its write).  No call without an interrupt
 * touches the static; an interrupted one does, and the check must see it
 * as a static (emu/check.py check_routine).  At depth 2 (softclock
 * pended, then the clock between the store and the reload) the clock's
 * handler calls the raise again and overwrites the static.
 */
	.include "port.inc"
	.data
st_tmp:	.long	0
	.text
	.globl	rt_raise_pended
rt_raise_pended:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	cmpl	$0, ipending
	je	1f
	movl	%eax, st_tmp		/* a static temporary */
	movl	st_tmp, %eax
1:	ret
