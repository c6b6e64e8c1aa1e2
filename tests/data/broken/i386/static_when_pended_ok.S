/*
 * A raise that keeps the old cpl in a static temporary only where a
 * request arrived while it ran (ipending not empty after its write): no
 * call without an interrupt touches the static, an interrupted one does.
 * The static is read back at once with interrupts off, so it holds; the
 * check must still see it as a static (emu/check.py check_routine: the
 * first exploration's touches run the check again with more handlers
 * re-entering).
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
	cli
	movl	%eax, st_tmp		/* a static, interrupts off around it */
	movl	st_tmp, %eax
	sti
1:	ret
