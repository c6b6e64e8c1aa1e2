/* CORRECT: splx that drains the write buffer first (CP15 c7, c10, 4, as
   ARM spl code often does before it changes the level).  Must hold; a
   "not modelled" would be over-cautious (noted, not a false hold). */
	.include "port.inc"
	.text
	.globl	rt_splx_drain
rt_splx_drain:
	mov	r1, #0
	mcr	p15, 0, r1, c7, c10, 4	/* drain write buffer */
	b	splx
