| red team 8: condition codes the M68000 PRM (each instruction's
| "Condition Codes" table) leaves UNDEFINED, branched on.  Each routine
| is spllower with a skip of the SR write on the undefined flag: in
| unicorn (QEMU) the flag keeps the value the routine gave it just before,
| so the skip is never taken; a 68030 may set it either way.
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

| DIVU.W overflow: "N - ... Undefined if overflow or divide by zero occurs.
| Z - ... Undefined if overflow or divide by zero occurs."
	.globl	spllower_divuw_n
spllower_divuw_n:
	HEAD
	move.l	#0x10000,%d1
	tst.l	%d1			| N=0 Z=0
	divu.w	#1,%d1			| quotient 0x10000: overflow, V=1
	bmi.s	9f			| WRONG: N undefined
	TAIL

	.globl	spllower_divuw_z
spllower_divuw_z:
	HEAD
	move.l	#0x10000,%d1
	tst.l	%d1
	divu.w	#1,%d1
	beq.s	9f			| WRONG: Z undefined (QEMU clears it)
	TAIL

	.globl	spllower_divsw_n
spllower_divsw_n:
	HEAD
	move.l	#0x10000,%d1
	tst.l	%d1
	divs.w	#1,%d1			| quotient 65536: overflow
	bmi.s	9f			| WRONG
	TAIL

| DIVU.L 64/32 overflow

	.globl	spllower_divull_z
spllower_divull_z:
	HEAD
	movem.l	%d2,-(%sp)
	moveq	#1,%d1
	moveq	#0,%d2
	tst.l	%d1			| N=0 Z=0
	divu.l	#1,%d1:%d2		| overflow
	movem.l	(%sp)+,%d2		| MOVEM: CCR not affected
	beq.s	9f			| WRONG: Z undefined
	TAIL

	.globl	spllower_divsll_n
spllower_divsll_n:
	HEAD
	movem.l	%d2,-(%sp)
	moveq	#1,%d1
	moveq	#0,%d2
	tst.l	%d1
	divs.l	#1,%d1:%d2		| overflow
	movem.l	(%sp)+,%d2
	bmi.s	9f			| WRONG: N undefined
	TAIL

| ABCD: "N - Undefined.  V - Undefined."  X is read: set it first.
	.globl	spllower_abcd_n
spllower_abcd_n:
	HEAD
	move.w	#0,%ccr			| X N Z V C = 0
	moveq	#5,%d1
	abcd	%d1,%d1			| 0x10
	bmi.s	9f			| WRONG: N undefined
	TAIL

	.globl	spllower_abcd_v
spllower_abcd_v:
	HEAD
	move.w	#0,%ccr
	moveq	#5,%d1
	abcd	%d1,%d1
	bvs.s	9f			| WRONG: V undefined
	TAIL

	.globl	spllower_sbcd_n
spllower_sbcd_n:
	HEAD
	move.w	#0,%ccr
	moveq	#5,%d1
	sbcd	%d1,%d1			| 0
	bmi.s	9f			| WRONG
	TAIL

	.globl	spllower_nbcd_v
spllower_nbcd_v:
	HEAD
	move.w	#0,%ccr
	moveq	#5,%d1
	nbcd	%d1			| 0x95
	bvs.s	9f			| WRONG: V undefined
	TAIL

| CHK in bounds (no trap): "N - Set if Dn < 0; cleared if Dn > effective
| address operand; undefined otherwise.  Z - Undefined.  V - Undefined.
| C - Undefined."
	.globl	spllower_chk_z
spllower_chk_z:
	HEAD
	move.w	#0,%ccr			| Z=0
	moveq	#3,%d1
	chk.w	#7,%d1			| 0 <= 3 <= 7: no trap (unicorn: Z=0)
	beq.s	9f			| WRONG: Z undefined
	TAIL

	.globl	spllower_chk_n
spllower_chk_n:
	HEAD
	move.w	#0,%ccr
	moveq	#3,%d1
	chk.w	#7,%d1
	bmi.s	9f			| WRONG: N undefined
	TAIL

	.globl	spllower_chk_c
spllower_chk_c:
	HEAD
	move.w	#0,%ccr
	moveq	#3,%d1
	chk.w	#7,%d1
	bcs.s	9f			| WRONG: C undefined
	TAIL

	.globl	spllower_chk_v
spllower_chk_v:
	HEAD
	move.w	#0,%ccr
	moveq	#3,%d1
	chk.w	#7,%d1
	bvs.s	9f			| WRONG: V undefined
	TAIL

| CHK2 / CMP2: "N - Undefined.  V - Undefined."
	.globl	spllower_chk2_n
spllower_chk2_n:
	HEAD
	move.w	#0,%ccr
	lea	bounds,%a0
	moveq	#3,%d1
	chk2.l	(%a0),%d1		| 0 <= 3 <= 7: no trap
	bmi.s	9f			| WRONG: N undefined
	TAIL

	.globl	spllower_cmp2_v
spllower_cmp2_v:
	HEAD
	move.w	#0,%ccr
	lea	bounds,%a0
	moveq	#3,%d1
	cmp2.l	(%a0),%d1
	bvs.s	9f			| WRONG: V undefined
	TAIL

| CORRECT: DIVU.W overflow, then only V and C read (defined: V set, C clear)
	.globl	spllower_divuw_v_ok
spllower_divuw_v_ok:
	HEAD
	move.l	#0x10000,%d1
	divu.w	#1,%d1
	bvc.s	9f			| never taken
	TAIL

	.section .rodata
	.align	2
bounds:	.long	0, 7
