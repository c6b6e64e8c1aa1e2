/* red team 34, BROKEN (interleaving only), asm twin of
   i386_lower_sets_flag_early.c: splx(s) writes the "at IPL_HIGH" flag as
   (s == SPL_HIGH) BEFORE its cpl store.  splx(SPL_HIGH) from IPL_NONE
   (s = splhigh(); ...; spl0(); ...; splx(s)) has flag = 1 and cpl = 0 for
   one instruction: softclock's handler taken there calls splhigh(), which
   sees the flag and returns at IPL_SOFTCLOCK.  Should fail exact (splhigh
   judged for splx).  Plus a harmless call counter in splx (statistics),
   whose interrupted calls leave ever new own data. */
	.include "port.inc"
	.data
rt_athigh:	.long	0
rt_nsplx:	.long	0		/* statistics: splx calls */
	.text
	.globl	splx, splhigh
splx:
	incl	rt_nsplx		/* count the call (statistics only) */
	movl	4(%esp), %edx
	xorl	%eax, %eax
	cmpl	$SPL_HIGH, %edx
	sete	%al
	movl	%eax, rt_athigh		/* BUG: flag before the store */
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jz	1f
	call	Xspllower
1:	ret

splhigh:
	movl	cpl, %eax
	cmpl	$0, rt_athigh
	jne	3f
	movl	$SPL_HIGH, cpl
	movl	$1, rt_athigh
	testl	$~SPL_HIGH, ipending
	jz	3f
	pushl	%eax
	call	Xspllower
	popl	%eax
3:	ret
