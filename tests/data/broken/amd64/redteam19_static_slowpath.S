/* BROKEN (red team 19 A F6, held): i386/redteam19_static_slowpath.S on
   amd64: splraise with a fast path (cpl already blocks ncpl: return it)
   and, on the path that really raises, the old cpl in a static temporary.
   It held while only the clock's handler re-entered, with
   splraise(imask[IPL_HIGH]) from IPL_CLOCK, whose mask is IPL_HIGH's
   (archs/amd64.yaml): the fast path.  softclock's handler raises, as
   NetBSD's softclock() does (kern_clock.c 1.75 CALLWHEEL_LOCK: s =
   splclock()).  rt_raise_slowpath_ok: the temporary in a register. */
	.include "port.inc"
	.data
saved_cpl:	.long	0
	.text
	.globl	rt_raise_slowstatic, rt_raise_slowpath_ok
rt_raise_slowstatic:
	movl	cpl(%rip), %eax
	movl	%eax, %ecx
	orl	%edi, %ecx
	cmpl	%eax, %ecx
	je	1f			/* nothing to raise */
	movl	%eax, saved_cpl(%rip)	/* BUG: static temporary */
	movl	%ecx, cpl(%rip)
	movl	saved_cpl(%rip), %eax
1:	ret

rt_raise_slowpath_ok:
	movl	cpl(%rip), %eax
	movl	%eax, %ecx
	orl	%edi, %ecx
	cmpl	%eax, %ecx
	je	1f			/* nothing to raise */
	movl	%ecx, cpl(%rip)		/* the old cpl stays in %eax */
1:	ret
