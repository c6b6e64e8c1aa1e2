| Benchmark loop: 2000 x (splraise(SPL_NET); splx(old)).
	.include "port.inc"
	.text
	.globl	bench_loop
bench_loop:
	move.l	%d2,-(%sp)
	move.w	#1999,%d2
1:	move.l	#SPL_NET,-(%sp)
	jsr	splraise
	addq.l	#4,%sp
	move.l	%d0,-(%sp)
	jsr	splx
	addq.l	#4,%sp
	dbra	%d2,1b
	move.l	(%sp)+,%d2
	rts
