/* Red team 40 A F3 (no verdict before): an sh3 lower writing SR in rts's
   delay slot.  An instruction that rewrites the PC in a delay slot (LDC
   Rm,SR among them) raises the slot illegal instruction exception (SH7708
   Series Hardware Manual 4, Illegal slot instruction): no_fault fails.
   The twin writes SR before the rts. */
	.include "port.inc"
	.text

/* BROKEN (no_fault): ldc r1, sr in the delay slot */
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
	ldc	r1, sr			! in the delay slot: slot illegal

/* CORRECT twin: the same, the SR write before the return */
	.globl rt_lower_slot_ok
	.align 2
rt_lower_slot_ok:
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0
	mov	r0, r2
	xor	r2, r1			! SR without IMASK
	or	r4, r1
	ldc	r1, sr
	rts
	nop
