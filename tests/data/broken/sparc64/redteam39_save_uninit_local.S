! BROKEN (expected: defined_only -- a local of the new window never written).
! The sparc64 twin of red team 39 B F3 (tests/data/broken/sparc/
! redteam39_save_uninit_local.S): splraise in a window of its own that ORs
! into the new level a local it never set (a typo for %g0).  SAVE clears
! none of the registers of the window it enters (SPARC V9 manual §6.3.6),
! and a clean window (CLEANWIN, §5.2.10) holds zeros or what the same
! address space, the kernel, last left there: %l7 is whatever kernel code
! left in that window, so the PIL written is garbage.  It held while the
! model gave every window but the caller's zeros (now the free windows'
! registers hold a poison per world: Backend.free_window_registers).
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	save	%sp, -176, %sp
	rdpr	%pil, %l1
	or	%i0, %l7, %l0		! WRONG: %l7 is undefined here
	and	%l0, 15, %l0
	cmp	%l0, %l1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%l0, 0, %pil
1:	ret
	 restore %l1, 0, %o0
