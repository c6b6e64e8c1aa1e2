! BROKEN (expected: defined_only -- a local of the new window never written).
! Red team 39 B F3: splraise in a window of its own that ORs into the new
! level a local it never set (a typo for %g0).  SAVE clears none of the
! registers of the window it enters (SPARC V8 manual §4.1, B.20 SAVE): the
! new window's %l7 holds whatever code that ran in that window last left,
! so on a real CPU the PIL written is garbage.  It held while the model
! gave every window but the caller's zeros in every world (now the free
! windows' registers hold a poison per world: Backend.free_window_registers,
! Poisoner._poison_free_windows).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_raise
rt_raise:
	save	%sp, -96, %sp
	rd	%psr, %l1
	or	%i0, %l7, %l0		! WRONG: %l7 is undefined here
	and	%l0, PSR_PIL, %l0
	and	%l1, PSR_PIL, %l2
	cmp	%l0, %l2
	bleu	1f
	 andn	%l1, PSR_PIL, %l3
	wr	%l3, %l0, %psr
	nop
	nop
	nop
1:	ret
	 restore %l2, 0, %o0
