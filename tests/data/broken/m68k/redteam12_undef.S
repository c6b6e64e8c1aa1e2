	.include "port.inc"
	.text
| broken: the level written is 6(sp)'s OR the user stack pointer's low
| word masked to the IPL field: USP is the user process's, undefined here
	.globl	spllower_usp
spllower_usp:
	move.l	%usp,%a0
	move.l	%a0,%d1
	andi.w	#0x0700,%d1
	or.w	6(%sp),%d1
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d1,%sr
	rts
| broken: fp0 (a 68881/2 register: the user's, scratch for a callee)
	.globl	spllower_fp0
spllower_fp0:
	fmove.l	%fp0,%d1
	andi.w	#0x0700,%d1
	or.w	6(%sp),%d1
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d1,%sr
	rts
| broken: CAAR / SFC (movec control registers, not the routine's)
	.globl	spllower_sfc
spllower_sfc:
	movec	%sfc,%d1
	lsl.w	#8,%d1
	andi.w	#0x0700,%d1
	or.w	6(%sp),%d1
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d1,%sr
	rts
| broken: MSP (master stack pointer, M=0: not the active stack; its content is the system's)
	.globl	spllower_msp
spllower_msp:
	movec	%msp,%d1
	andi.w	#0x0700,%d1
	or.w	6(%sp),%d1
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d1,%sr
	rts
| correct twin: the level written is 6(sp)'s alone; no USP, MSP, SFC or
| FPU.  Through the port's splx, which runs the soft interrupts pending in
| ssir first when it is level 0 (archs/m68k.yaml)
	.globl	spllower_ok
spllower_ok:
	jmp	splx
