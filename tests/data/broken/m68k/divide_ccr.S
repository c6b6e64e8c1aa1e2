| DIVU/DIVS leave N and Z undefined only when the quotient overflows (M68000
| PRM §4 DIVS/DIVU): each routine is spllower with a skip of the SR write
| on N or Z after a divide whose divisor comes from memory or a register.
| The _ok twins divide without overflow: N and Z are the quotient's and the
| skip is never taken.
	.include "port.inc"
	.text

	.macro	HEAD
	moveq	#0,%d0
	move.w	%sr,%d0
	.endm
| TAIL: s's level through the port's splx, which runs the soft interrupts
| pending in ssir first when s is level 0 (archs/m68k.yaml; a plain move
| to level 0 would leave them pending)
	.macro	TAIL
	jmp	splx
9:	rts
	.endm

| (An): 0x10000 / 1 overflows 16 bits
	.globl	spllower_divu_ind_n
spllower_divu_ind_n:
	HEAD
	move.l	#0x10000,%d1
	lea	one,%a0
	tst.l	%d1			| N=0 Z=0
	divu.w	(%a0),%d1
	bmi.s	9f			| WRONG: N undefined
	TAIL

| (d16,PC): signed 0x7fff8000 / 1 overflows
	.globl	spllower_divs_pcrel_z
spllower_divs_pcrel_z:
	HEAD
	move.l	#0x7fff8000,%d1
	tst.l	%d1
	divs.w	one(%pc),%d1
	beq.s	9f			| WRONG: Z undefined
	TAIL

| a data register divisor: -0x10000 / 1 overflows
	.globl	spllower_divs_reg_n
spllower_divs_reg_n:
	HEAD
	movem.l	%d2,-(%sp)
	move.l	#-0x10000,%d1
	moveq	#1,%d2
	tst.w	%d2
	divs.w	%d2,%d1
	movem.l	(%sp)+,%d2		| MOVEM: CCR not affected
	bpl.s	9f			| WRONG: N undefined
	TAIL

| -(An) and a 64-bit dividend: 2^32 / 1 overflows 32 bits
	.globl	spllower_divul_predec_z
spllower_divul_predec_z:
	HEAD
	movem.l	%d2,-(%sp)
	moveq	#1,%d1
	moveq	#0,%d2
	lea	one_long+4,%a1
	tst.l	%d1
	divu.l	-(%a1),%d1:%d2
	movem.l	(%sp)+,%d2		| MOVEM: CCR not affected
	beq.s	9f			| WRONG: Z undefined
	TAIL

| 0x80000000 / -1, 32-bit signed: the quotient 2^31 overflows (unicorn
| dies of SIGFPE there: a fault, not modelled)
	.globl	spllower_divsl_minus1_n
spllower_divsl_minus1_n:
	HEAD
	move.l	#0x80000000,%d1
	movem.l	%d2,-(%sp)
	moveq	#-1,%d2
	tst.l	%d2
	divs.l	%d2,%d1
	movem.l	(%sp)+,%d2
	bmi.s	9f			| WRONG: N undefined (a 68030 may set it)
	TAIL

| the twins: no overflow, N and Z defined
	.globl	spllower_divu_ind_ok
spllower_divu_ind_ok:
	HEAD
	moveq	#4,%d1
	lea	two,%a0
	divu.w	(%a0)+,%d1		| 2: N=0 Z=0
	bmi.s	9f			| never taken
	beq.s	9f			| never taken
	TAIL

	.globl	spllower_divs_pcrel_ok
spllower_divs_pcrel_ok:
	HEAD
	moveq	#-4,%d1
	divs.w	two(%pc),%d1		| -2: N=1
	bpl.s	9f			| never taken
	TAIL

	.globl	spllower_divs_disp_ok
spllower_divs_disp_ok:
	HEAD
	moveq	#1,%d1
	lea	one,%a0
	divs.w	2(%a0),%d1		| 1/2 = 0: Z=1
	bne.s	9f			| never taken
	TAIL

	.globl	spllower_divul_abs_ok
spllower_divul_abs_ok:
	HEAD
	movem.l	%d2,-(%sp)
	moveq	#0,%d1
	moveq	#4,%d2
	divu.l	two_long,%d1:%d2	| 2: N=0 Z=0
	movem.l	(%sp)+,%d2
	beq.s	9f			| never taken
	TAIL

| ABCD leaves N and V undefined, C defined: a case's run stops at the BCC
| to poison N and V; after an interrupt's RTE in the same run it read
| the CCR stale there (V and C lost) and the routine failed
	.globl	spllower_abcd_c_ok
spllower_abcd_c_ok:
	HEAD
	movem.l	%d2,-(%sp)
	move.l	#0x99,%d1
	moveq	#1,%d2
	abcd	%d2,%d1			| 0x99 + 1 = 0x00, decimal carry: C=1
	movem.l	(%sp)+,%d2
	bcc.s	9f			| never taken
	TAIL

	.section .rodata
	.align	2
one:	.word	1
two:	.word	2
	.align	2
one_long:	.long	1
two_long:	.long	2
