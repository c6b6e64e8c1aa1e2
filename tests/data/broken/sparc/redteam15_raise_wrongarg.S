! BROKEN: "splraise(0) is a no-op" shortcut that tests %o3 (not passed:
! undefined, abi.scratch) instead of %o0: whenever the caller's %o3 is 0
! the routine never raises.  Truth: defined_only should fail.
	.include "port.inc"
	.text
	.globl	rt_raise_wrongarg
rt_raise_wrongarg:
	rd	%psr, %o1
	and	%o1, 0xf00, %o2		! old field, returned
	tst	%o3			! BUG: meant %o0
	be	1f
	 and	%o0, 0xf00, %o0
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, 0xf00, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
