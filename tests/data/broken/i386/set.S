/* Deliberately broken i386 `set` routines (test data): no argument, each
   must fail the property the tests name. */
	.include "port.inc"
	.text

/* spl0 that only stores cpl: what arrived while blocked stays pending
   (no_lost). */
	.globl	spl0_noreplay
spl0_noreplay:
	movl	cpl, %eax
	movl	$SPL_NONE, cpl
	ret

/* splhigh that leaves the clock out of the mask (exact). */
	.globl	splhigh_noclock
splhigh_noclock:
	pushl	$(SPL_HIGH & ~(1 << SRC_CLOCK_BIT))
	call	spllower
	addl	$4, %esp
	ret

/* NetBSD 1.6's splhigh, splraise(imask[IPL_HIGH]): a raise, which from
   IPL_SERIAL stays at IPL_SERIAL, so as a set routine it fails exact. */
	.globl	splhigh_raise
splhigh_raise:
	pushl	$SPL_HIGH
	call	splraise
	addl	$4, %esp
	ret
