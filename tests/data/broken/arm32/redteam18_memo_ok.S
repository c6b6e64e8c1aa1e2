/* red team 18, written as the correct twin of redteam18_memo_level.S:
   _splraise(ipl) with a one-entry memo of the table lookup
   footbridge_imask[ipl], keyed on ipl (the same for every call), joined
   with the level found at every call: right after any earlier call with
   no interrupt, from any priority.

   BROKEN all the same (found when check began calling every pair from the
   own data an interrupted call left, red team 19 a F3): the memo is filled
   with IRQs enabled, key first.  A statclock interrupt between the two
   stores runs a handler whose own s = _splraise(IPL_HIGH); splx(s)
   (emu/reenter.py) misses and fills (IPL_HIGH, imask[IPL_HIGH]); the
   interrupted fill then stores its own mask under that key.  The next
   _splraise(IPL_HIGH) hits and returns without raising: FAILS exact.  The
   correct twin is redteam19_memo_irqoff_ok.S (looked up and filled with
   IRQs disabled). */
	.include "port.inc"
	.data
	.align	2
memo_ipl:	.word	-1
memo_mask:	.word	0
	.text
	.globl	rt_raise_ok
rt_raise_ok:
	ldr	r2, =current_spl_level
	ldr	r3, =memo_ipl
	ldr	r12, [r3]
	cmp	r12, r0
	ldreq	r1, [r3, #4]		/* hit: imask[ipl] */
	beq	1f
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	str	r0, [r3]
	str	r1, [r3, #4]
1:	ldr	r12, [r2]		/* the old level (the result) */
	orr	r1, r1, r12
	str	r1, [r2]
	mov	r0, r12
	mov	pc, lr
