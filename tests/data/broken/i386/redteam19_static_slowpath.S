/* BROKEN (red team 19 A F6, held): splraise with a fast path -- cpl
   already blocks everything ncpl does: return cpl -- and, on the path
   that really raises, the old cpl kept in a static temporary between the
   store and the reload (redteam17_static_tmp's bug on one path only).
   Not re-entrant: a handler that raises overwrites saved_cpl between this
   call's store and reload, and this call returns the handler's cpl.
   NetBSD handlers raise: kern_clock.c 1.75 softclock() takes
   CALLWHEEL_LOCK (s = splclock()), as callout_reset() and callout_stop()
   do for a driver's handler.  It held while only the clock's handler
   re-entered, with splraise(imask[IPL_HIGH]) from IPL_CLOCK: on i386
   IPL_HIGH's mask is IPL_CLOCK's (archs/i386.yaml), so that call took the
   fast path.  softclock's handler re-enters too (emu/reenter.py).
   rt_raise_slowpath_ok is the twin with the temporary in a register. */
	.include "port.inc"
	.data
saved_cpl:	.long	0
	.text
	.globl	rt_raise_slowstatic, rt_raise_slowpath_ok
rt_raise_slowstatic:
	movl	4(%esp), %edx
	movl	cpl, %eax
	movl	%eax, %ecx
	orl	%edx, %ecx
	cmpl	%eax, %ecx
	je	1f			/* nothing to raise: return cpl */
	movl	%eax, saved_cpl		/* BUG: static temporary */
	movl	%ecx, cpl
	movl	saved_cpl, %eax
1:	ret

rt_raise_slowpath_ok:
	movl	4(%esp), %edx
	movl	cpl, %eax
	movl	%eax, %ecx
	orl	%edx, %ecx
	cmpl	%eax, %ecx
	je	1f			/* nothing to raise: return cpl */
	movl	%ecx, cpl		/* the old cpl stays in %eax */
1:	ret
