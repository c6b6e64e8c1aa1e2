! BROKEN (expected: no_fault -- a window underflow trap with traps off).
! A windowed spllower (save ... restore) that turns traps off (ET := 0)
! for its PSR update and returns its window with `restore' before it
! turns them back on.  While ET was still 1 (after the save, before the
! ET write) an interrupt may have been taken whose handler called deep
! enough to spill the caller's window to memory (V8 §4.3, NetBSD sparc
! locore.s winof); the RESTORE then moves into an invalid window and
! takes a window_underflow trap (V8 B.21) with ET = 0: error mode (V8
! §7.3, "Trap Control": a synchronous trap while ET = 0 halts the IU /
! watchdog reset).  NetBSD's rft_kernel fills the window explicitly before
! its rett for exactly this reason.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_lower_etrestore
rt_lower_etrestore:
	save	%sp, -96, %sp
	and	%i0, PSR_PIL, %l1	! new field
	rd	%psr, %l0
	and	%l0, PSR_PIL, %i0	! old field, returned
	wr	%l0, PSR_ET, %psr	! ET := 0 (it was 1)
	nop
	nop
	nop
	mov	%l1, %i1		! the new field, as %o1 after the restore
	restore				! BUG: may underflow with ET = 0
	rd	%psr, %o2		! the caller's CWP, ET = 0
	andn	%o2, PSR_PIL, %o2
	or	%o2, %o1, %o2
	wr	%o2, PSR_ET, %psr	! new PIL, ET := 1
	nop
	nop
	nop
	retl
	 nop
