! BROKEN: "splraise(0) is a no-op" shortcut that tests %o1 (not passed:
! undefined, abi.scratch) instead of %o0.  Whenever the caller's %o1 is
! 0 the routine never raises.  Truth: defined_only should fail.
	.include "port.inc"
	.text
	.globl	rt_raise_wrongarg
rt_raise_wrongarg:
	brz,pn	%o1, 1f			! BUG: meant %o0
	 rdpr	%pil, %o2
	and	%o0, 15, %o0
	cmp	%o0, %o2
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o2, %o0
