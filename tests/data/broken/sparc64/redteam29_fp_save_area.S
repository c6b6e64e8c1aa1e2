! BROKEN (expected: preserves -- the caller's %l0 after the return).
! A windowed splraise that keeps the old PIL in "free" memory at
! [%fp + 2047]: that is not its own frame but the caller's register save
! area, the %l0 slot of the caller's window (V9 §6.4; System V SPARC V9
! ABI: the 16 extended words at every frame's biased %sp).  It turns
! interrupts off around the store and the reload, so nothing it stores
! is overwritten before it reads it back.  But an interrupt taken between
! the `save' and the IE-off may spill the caller's window (it is the
! oldest one in the registers, spilled first: NetBSD sparc64 locore.s
! SPILL64 stores %l0-%l7/%i0-%i7 at its %sp + BIAS) -- and then this
! stx overwrites the caller's saved %l0, and the routine's `restore'
! finds CANRESTORE = 0, takes the fill trap (FILL64) and gives the caller
! %l0 = the old PIL.
	.include "port.inc"
	.text
	.globl	rt_raise_fpsave
rt_raise_fpsave:
	save	%sp, -176, %sp
	rdpr	%pstate, %l2
	andn	%l2, 2, %l3
	wrpr	%l3, 0, %pstate		! IE off
	rdpr	%pil, %l0
	stx	%l0, [%fp + 2047]	! BUG: the caller's window's %l0 slot
	and	%i0, 15, %l1
	cmp	%l1, %l0
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%l1, 0, %pil
1:	ldx	[%fp + 2047], %i0
	wrpr	%l2, 0, %pstate		! IE as found
	ret
	 restore
