! BROKEN (red team 19 B5): splhigh and spl0 that write a constant PSR,
! S|PS|ET|PIL, in the style of the m68k `move.w #PSL_HIGHIPL,%sr' (and of
! the sparc start code's `wr %g0, PSR_S|PSR_PS|PSR_PIL, %psr', run once at
! boot with CWP = 0), instead of NetBSD's read-modify-write of PIL alone
! (sparc psl.h 1.12 splhigh/spl0: rd %psr; wr psr & ~PSR_PIL | pil).
! WRPSR writes every field (SPARC V8 manual B.29): CWP := 0, PS := 1 and
! EF := 0.  A caller whose window is not window 0 (every caller but the
! first frame after boot: each SAVE decrements CWP, V8 §4.1) finds itself
! in another window after the write: its %sp, %o7 and %i/%l registers are
! another frame's, and retl returns through window 0's %o7.  Every call
! of `check' used to start at CWP 0 with PS 1 (cpu.reset), so only a
! routine a handler calls again was ever seen in another window: the
! abi.call_states start "CWP 3" (archs/sparc.yaml) makes the return fault.
!
! rt_spl0_rmw_ok: the twin, NetBSD's way: PIL cleared in the PSR read.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_S, 0x80
	.equ	PSR_PS, 0x40
	.equ	PSR_ET, 0x20
	.text
	.globl	rt_splhigh_const
rt_splhigh_const:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o0		! the old PIL field, returned
	wr	%g0, PSR_S | PSR_PS | PSR_ET | PSR_PIL, %psr	! BUG: CWP, EF := 0, PS := 1
	nop
	nop
	nop
	retl
	 nop

	.globl	rt_spl0_const
rt_spl0_const:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o0
	wr	%g0, PSR_S | PSR_PS | PSR_ET, %psr	! BUG: CWP, EF := 0, PS := 1
	nop
	nop
	nop
	retl
	 nop

	.globl	rt_spl0_rmw_ok
rt_spl0_rmw_ok:
	rd	%psr, %o1
	andn	%o1, PSR_PIL, %o2		! every other field as the caller has it
	wr	%o2, 0, %psr			! PIL := 0
	nop
	nop
	nop
	retl
	 and	%o1, PSR_PIL, %o0		! (delay slot) the old field
