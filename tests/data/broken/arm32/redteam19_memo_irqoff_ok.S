/* red team 19 (after red team 19 a F3): the correct twin of
   redteam18_memo_ok.S.  _splraise(ipl) with a one-entry memo of the table
   lookup footbridge_imask[ipl], keyed on ipl, joined with the level found
   at every call -- looked up AND filled with IRQs disabled (CPSR I set,
   the caller's I given back: NetBSD arm32 disable_interrupts(I32_bit) /
   restore_interrupts(), as footbridge_do_pending does in
   kernel_snippets/arm32/spl.S), so no handler's own _splraise can
   interleave with the fill (redteam18_memo_ok.S's fill, with IRQs on, is
   torn by the statclock handler's call) nor change the entry between the
   key compared and the value read.  Right after any earlier call,
   interrupted or not, from any priority.  Holds. */
	.include "port.inc"
	.equ	PSR_I, 0x80
	.data
	.align	2
memo_ipl:	.word	-1
memo_mask:	.word	0
	.text
	.globl	rt_raise_irqoff_ok
rt_raise_irqoff_ok:
	mrs	r12, cpsr		/* oldirqstate */
	orr	r1, r12, #PSR_I
	msr	cpsr_c, r1		/* the memo's two words change together */
	ldr	r3, =memo_ipl
	ldr	r1, [r3]
	cmp	r1, r0
	ldreq	r1, [r3, #4]		/* hit: imask[ipl] */
	beq	1f
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	str	r0, [r3]
	str	r1, [r3, #4]
1:	msr	cpsr_c, r12		/* restore_interrupts(oldirqstate) */
	ldr	r2, =current_spl_level
	ldr	r3, [r2]		/* the old level (the result) */
	orr	r1, r1, r3
	str	r1, [r2]
	mov	r0, r3
	mov	pc, lr
