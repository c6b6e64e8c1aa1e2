/* Deliberately broken amd64 `set` routines (test data). */
	.include "port.inc"
	.text

/* spl0 that only stores cpl: pended sources stay pending (no_lost). */
	.globl	spl0_noreplay
spl0_noreplay:
	movl	cpl(%rip), %eax
	movl	$SPL_NONE, cpl(%rip)
	ret

/* splhigh that leaves the clock out of the mask (exact). */
	.globl	splhigh_noclock
splhigh_noclock:
	movl	$(SPL_HIGH & ~(1 << SRC_CLOCK_BIT)), %edi
	jmp	spllower
