! Deliberately broken sh3 `set` routines (test data).
	.include "port.inc"
	.text

! spl0 that returns the new IMASK field, not the old one (returns_previous).
	.globl	spl0_returns_new
	.align	2
spl0_returns_new:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2			! PSL_IMASK
	not	r2, r2
	and	r2, r1			! IMASK := 0
	ldc	r1, sr
	rts
	mov	#0, r0			! "the level now"

! splhigh that sets the serial level, below the clock's (exact).
	.globl	splhigh_noclock
	.align	2
splhigh_noclock:
	mov.l	1f, r0
	mov	#SPL_SERIAL - 256, r4
	jmp	@r0
	extu.b	r4, r4
	.align	2
1:	.long	_cpu_intr_resume
