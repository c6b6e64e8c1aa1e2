! BROKEN (no_fault): spl0 whose "save the return address" has its
! operands swapped: st %o7, [%sp + 64] was meant, st %sp, [%o7 + 8]
! writes the stack pointer over the caller's instruction where the call
! returns (%o7 + 8); then it sets PIL 0 as spl0 should and returns
! there.  Nothing after the return compares the caller's code: the
! machine keeps it read-only, as kernel text.
	.include "port.inc"
	.text
	.globl	rt_spl0_store
rt_spl0_store:
	st	%sp, [%o7 + 8]		! WRONG: meant st %o7, [%sp + 64]
	ba	spllower
	 mov	SPL_NONE, %o0
