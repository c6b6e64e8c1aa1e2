! Benchmark loop: 2000 x (splraise(SPL_NET); splx(old)).
	.include "port.inc"
	.text
	.globl	bench_loop
bench_loop:
	save	%sp, -96, %sp
	set	2000, %l0
1:	call	splraise
	 mov	SPL_NET, %o0
	call	splx
	 nop
	subcc	%l0, 1, %l0
	bne	1b
	 nop
	ret
	 restore
