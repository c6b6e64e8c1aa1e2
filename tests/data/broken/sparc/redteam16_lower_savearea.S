! BROKEN (decided before running): a leaf spllower that parks the old PIL
! field in its caller's window save area, [%sp + 0], then reloads it to
! decide "already at the new level: skip the %psr write".  An interrupt
! taken before the reload (one that `from` lets in) may overflow a window
! and spill the caller's %l0 there (SPARC V8 window overflow; NetBSD's
! locore spills %l0-%l7/%i0-%i7 to %sp); if %l0 happens to equal the new
! field (0 for IPL_NONE is common), the write is skipped and the routine
! returns at the old level.  Should fail defined_only / exact.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower
rt_lower:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2	! old field (returned)
	st	%o2, [%sp + 0]		! BUG: the window save area is not ours
	and	%o0, PSR_PIL, %o0
	andn	%o1, PSR_PIL, %o1
	ld	[%sp + 0], %o3
	cmp	%o3, %o0
	be	1f			! "already there"
	 nop
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
