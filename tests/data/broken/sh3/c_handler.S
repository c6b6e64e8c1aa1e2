! interrupt_transparent, once handlers are C functions: a clock stub that
! saves only SPC, SSR and PR (it computes in bank 1, and keeps the blocked
! SR to come back to on the stack), with a handler that changes no
! register.  A C handler may change r0-r7, MACH and MACL of bank 0.
	.include "port.inc"
	.text
	.globl	Xintr_clock_keeps_scratch
	.align	2
Xintr_clock_keeps_scratch:
	stc.l	spc, @-r15
	stc.l	ssr, @-r15
	sts.l	pr, @-r15
	stc	sr, r0			! bank 1: BL, RB, MD set
	mov.l	r0, @-r15		! the blocked SR to come back to
	mov.l	2f, r1
	and	r1, r0
	mov	#SRC_CLOCK_SPL - 256, r2
	extu.b	r2, r2
	or	r2, r0
	ldc	r0, sr			! bank 0, unblocked, IMASK = level
	bsr	handler_clock		! WRONG: bank 0's scratch registers are not saved
	nop
	ldc.l	@r15+, sr		! blocked, bank 1 again
	lds.l	@r15+, pr
	ldc.l	@r15+, ssr
	ldc.l	@r15+, spc
	rte
	nop
	.align	2
2:	.long	~0x300000f0

	.globl	handler_clock
	.align	2
handler_clock:				! changes no register
	rts
	nop
