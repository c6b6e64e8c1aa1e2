	.include "port.inc"
	.text
	.globl rt_lower_slot
	.align 2
rt_lower_slot:
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0
	mov	r0, r2
	xor	r2, r1			! SR without IMASK
	or	r4, r1
	rts
	ldc	r1, sr			! in the delay slot: slot illegal (SH-3 manual)
