	.include "port.inc"
	.text
| broken: clobbers fp2, callee-saved in the m68k SVR4 ABI (fp2-fp7 preserved)
	.globl	spllower_fp2
spllower_fp2:
	fmove.l	#0,%fp2
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts
