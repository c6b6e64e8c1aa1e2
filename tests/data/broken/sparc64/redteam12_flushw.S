! Red team 12: FLUSHW (V9 A.21), legal and not privileged, faulted as
! undecoded.  It spills every window older than the current one into its
! register save area ([%sp + 2047], NetBSD sparc64 locore.s SPILL64), and a
! RESTORE into a spilled window fills it back from there (FILL64).
!
! splraise_flushw_ok: the red team's leaf raise, flushw first (no older
!   window at the call: a no-op).
! spllower_flushw_window_ok: flushw in its own window spills its caller's,
!   which its ret; restore fills back as it was.
! spllower_flushw_scratch: flushw, then the old PIL kept in "free" words at
!   %fp + 2047 -- its caller's window's save area, where flushw just put the
!   caller's %l0: the fill at its restore gives the caller that PIL in %l0
!   (preserves).  Without the flushw the caller's window stays in the
!   registers in the model; on a CPU out of windows its SAVE spills it
!   there too (not caught: the model fills only what a flushw spilled).
	.include "port.inc"
	.text

	.globl	splraise_flushw_ok
splraise_flushw_ok:
	flushw
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0

	.globl	spllower_flushw_window_ok
spllower_flushw_window_ok:
	save	%sp, -176, %sp
	flushw
	rdpr	%pil, %l0
	wrpr	%i0, 0, %pil
	ret
	 restore %l0, 0, %o0

	.globl	spllower_flushw_scratch
spllower_flushw_scratch:
	save	%sp, -176, %sp
	flushw
	rdpr	%pil, %l0
	stx	%l0, [%fp + 2047]	! WRONG: the caller's window's %l0 slot
	wrpr	%i0, 0, %pil
	ldx	[%fp + 2047], %i0
	ret
	 restore
