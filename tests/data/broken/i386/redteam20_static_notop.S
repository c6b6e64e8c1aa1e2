/*
 * red team 20 A: splraise keeping the old cpl in a static temporary, but
 * only on the path for an argument other than imask[IPL_HIGH]; splhigh's
 * argument takes a register-only path.  A handler calling splnet()/
 * splbio() (every NetBSD network or disk driver and softnet's ipintr do)
 * between the store and the reload overwrites the static: the
 * interrupted call returns the handler's level.  The checker re-enters the
 * routine only with IPL_HIGH's argument (emu/reenter.py), so the static
 * path is never re-entered.
 *
 * Held (red team 20 A F2); now the handlers also call it with their own
 * IPL and the next target above (emu/reenter.py raise_targets): the clock's
 * call overwrites the static, nesting and returns_previous fail.
 */
	.include "port.inc"
	.data
rt_tmp:	.long	0
	.text
	.globl	rt_splraise_st
rt_splraise_st:
	movl	4(%esp), %edx
	cmpl	$SPL_HIGH, %edx
	jne	1f
	movl	cpl, %eax		/* splhigh: registers only */
	orl	%eax, %edx
	movl	%edx, cpl
	ret
1:	movl	cpl, %eax
	movl	%eax, rt_tmp		/* static temporary */
	orl	%eax, %edx
	movl	%edx, cpl
	movl	rt_tmp, %eax
	ret
