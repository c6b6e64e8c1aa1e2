/* red team 18: _splraise(ipl) with a one-entry memo that caches the NEW LEVEL it wrote
   (current_spl_level | footbridge_imask[ipl]) keyed on ipl alone, to skip
   the table lookup and the OR next time.  BUG: the cached level depends on
   the level the earlier call started from: _splraise(IPL_BIO) from
   IPL_NONE, splx(s), later _splraise(IPL_BIO) from IPL_HIGH writes
   imask[IPL_BIO] and LOWERS the priority to IPL_BIO. */
	.include "port.inc"
	.data
	.align	2
memo_ipl:	.word	-1
memo_level:	.word	0
	.text
	.globl	rt_raise
rt_raise:
	ldr	r2, =current_spl_level
	ldr	r3, =memo_ipl
	ldr	r12, [r3]
	cmp	r12, r0
	ldreq	r1, [r3, #4]		/* hit: the level written last time */
	ldr	r12, [r2]		/* the old level (the result) */
	beq	1f
	str	r0, [r3]
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	orr	r1, r1, r12
	str	r1, [r3, #4]
1:	str	r1, [r2]
	mov	r0, r12
	mov	pc, lr
