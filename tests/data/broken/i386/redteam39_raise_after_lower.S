/* BROKEN (red team 39 G F3, held until session 39): splraise that skips its write when ~%edx equals cpl, %edx being
   meant to hold ~(the new cpl) but the test hoisted above the code that
   computes it.  Its own calls leave %edx = the new cpl (as the port's
   splraise does), never ~cpl; the port's spllower/splx leave %edx =
   ~(the cpl they wrote), so `splx(s); t = splhigh();' finds ~%edx == cpl
   and returns without raising. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	movl	cpl, %eax
	movl	%edx, %ecx
	notl	%ecx
	cmpl	%ecx, %eax		/* BUG: stale %edx */
	je	1f
	movl	4(%esp), %edx
	orl	%eax, %edx
	movl	%edx, cpl
1:	ret
