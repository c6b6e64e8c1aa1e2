! BROKEN (expected: no_fault or preserves -- a window spill through a
! garbage stack pointer).  sparc64 twin of sp_leaf_fp_scratch.S: a leaf
! spllower that keeps the old PIL in %fp (%i6) for a while, with %fp's
! value parked in %g1 and put back before the return.  In a leaf %i6 is
! the %o6 (stack pointer) of the caller's caller's window (V9 §6.3.1); a
! spill of that window (an interrupt whose handler calls deep; V9 §6.4,
! NetBSD sparc64 locore.s SPILL64: stxa %l0, [%sp + BIAS + 0x00]) stores
! through %sp = the old PIL (+ 2047): a fault in the spill handler, or
! the window lost.  V9 manual §6.4 / SCD 2.4: %sp must hold a valid stack
! pointer at every instruction.  Interrupts are on (PSTATE.IE = 1) and
! the priority is lowered while %fp holds the PIL.
	.include "port.inc"
	.text
	.globl	rt_lower_fpscratch64
rt_lower_fpscratch64:
	mov	%fp, %g1		! "save" %fp
	rdpr	%pil, %fp		! BUG: %fp used as a temporary
	wrpr	%o0, 0, %pil
	nop
	nop
	mov	%fp, %o0		! the old PIL, returned
	retl
	 mov	%g1, %fp		! put it back
