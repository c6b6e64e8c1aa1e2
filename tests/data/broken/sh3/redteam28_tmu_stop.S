! BROKEN: spl0 that also stops the TMU (TSTR at H'FFFFFE92 := 0): the
! soft interrupts are TMU1/TMU2 interrupts on NetBSD/sh3 (archs/sh3.yaml
! sources), so every later softclock/softnet request is lost.
! Expected: no verdict (a device) or no_fault.
	.include "port.inc"
	.text
	.globl	rt_spl0_tmu
	.align	2
rt_spl0_tmu:
	mov.l	1f, r1
	mov	#0, r2
	mov.b	r2, @r1			! WRONG: TSTR := 0
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0
	xor	r0, r1
	ldc	r1, sr
	rts
	nop
	.align	2
1:	.long	0xfffffe92
