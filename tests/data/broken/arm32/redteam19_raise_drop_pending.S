/* BROKEN (red team 19 a, F1 on a port whose priority pends in software):
   splraise that also clears softnet's bit in the software pending word
   (NetBSD footbridge_irqhandler.c 1.9: footbridge_ipending, SI_SOFTNET -> IRQ_RESERVED1 20 (archs/arm32.yaml)), on the theory that the raised priority blocks it anyway and a
   later splx would replay it.  A softnet request that arrived while the
   priority blocked it was taken by the CPU and pended there by its stub;
   this routine clears the bit without replaying it, so its handler never
   runs, even where the raised result blocks softnet (no_lost does not
   ask).  served_once fails ("softnet was taken but its handler never ran
   after it and it is not pending at the return"): the rule a routine
   withdrawing a request in the CPU now meets too (emu/check.py). */
	.include "port.inc"
	.text
	.globl	rt_splraise_drop
rt_splraise_drop:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	ldr	r2, =footbridge_ipending
	ldr	r3, [r2]
	bic	r3, r3, #(1 << 20)	@ BUG: drops a pended softnet
	str	r3, [r2]
	mov	pc, lr
	.ltorg
