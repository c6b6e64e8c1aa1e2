/* splraise keeping the old cpl in a static temporary instead of a
   register.  BUG: not reentrant: an interrupt between the store and the
   reload whose handler calls splraise (every NetBSD driver handler does
   s = splXXX(); ...; splx(s)) overwrites saved_cpl, so this call returns
   the handler's cpl, and the caller's later splx(s) restores the wrong
   level (stuck at the handler's IPL, or too low). */
	.include "port.inc"
	.data
saved_cpl:	.long	0
	.text
	.globl	splraise
splraise:
	movl	cpl, %eax
	movl	%eax, saved_cpl
	orl	4(%esp), %eax
	movl	%eax, cpl
	movl	saved_cpl, %eax
	ret
