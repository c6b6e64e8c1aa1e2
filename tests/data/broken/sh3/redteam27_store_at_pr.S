! BROKEN (expected: preserves or no_fault).  spl0 that "saves" pr with
! the operands the wrong way round: sts pr, r1 then mov.l r15, @r1 - a
! store of the stack pointer AT the return address (over the caller's
! next two instructions) instead of pushing pr (sts.l pr, @-r15).  It
! never reloads pr (a leaf: the save was useless), so it returns where it
! should, into 4 bytes of garbage.  spl0 is not called from a handler,
! so no handler's code is overwritten.  The priority work is right.
	.include "port.inc"
	.text
	.globl	rt_spl0_store_pr
	.align	2
rt_spl0_store_pr:
	sts	pr, r1
	mov.l	r15, @r1		! WRONG: meant sts.l pr, @-r15
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0		! the old field (result)
	xor	r0, r1			! IMASK := 0
	ldc	r1, sr
	rts
	nop
