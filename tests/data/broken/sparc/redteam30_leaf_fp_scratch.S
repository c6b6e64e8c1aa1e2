! BROKEN (expected: no_fault or preserves -- a window spill through a
! garbage stack pointer).  A leaf spllower short of registers that uses
! %fp (%i6) as a temporary, keeping its value in %g1 and putting it back
! before it returns ("%i6 is preserved: I restore it").  But in a leaf,
! %i6 is the caller's %fp, which is the same register as the %o6 -- the
! stack pointer -- of the caller's CALLER's window (SPARC V8 §4.1: the
! outs of window w+1 are the ins of window w).  A window overflow can
! happen at any instruction where an interrupt is taken (its handler
! calls deep enough); it stores the spilled window's %l0-%i7 at that
! window's %sp (NetBSD sparc locore.s winof: std %l0, [%sp]); when the
! caller's caller's window is spilled while %i6 holds a PSR image, the
! store goes to address ~psr: a fault in the trap handler, or the
! window's registers lost.  SPARC V8 manual Appendix D (software
! considerations): %sp and %fp must always hold valid stack pointers,
! since a window trap may occur at any time.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower_fpscratch
rt_lower_fpscratch:
	mov	%fp, %g1		! "save" %fp
	rd	%psr, %fp		! BUG: %fp used as a temporary
	and	%o0, PSR_PIL, %o0
	and	%fp, PSR_PIL, %o2	! old field, returned
	andn	%fp, PSR_PIL, %fp
	wr	%fp, %o0, %psr
	nop
	nop
	nop
	mov	%g1, %fp		! put it back
	retl
	 mov	%o2, %o0
