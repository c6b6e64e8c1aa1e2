/* CORRECT TWIN of redteam24_nested_plain_raise.S (one level store always).
   arm32 (footbridge) _splraise(ipl) that counts outstanding raises in a
   word of its own (its own splx, the check's restore, counts them back
   down).  A raise made while another is outstanding (the second of two
   plain nested calls) stores current_spl_level = 0 for one instruction
   before the new mask (BUG).  The first raise of a nest is correct; the
   count goes up after the level store.  splx is otherwise the port's. */
	.include "port.inc"
	.data
	.align	2
rt_depth:	.word	0
	.text
	.globl	rt_raise, splx
rt_raise:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	ldr	r3, =rt_depth
	ldr	ip, [r3]
	cmp	ip, #0
	movne	ip, #0
	str	r1, [r2]
	ldr	ip, [r3]
	add	ip, ip, #1
	str	ip, [r3]
	mov	pc, lr
splx:
	ldr	r1, =rt_depth
	ldr	r2, [r1]
	sub	r2, r2, #1
	str	r2, [r1]
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	b	footbridge_do_pending
