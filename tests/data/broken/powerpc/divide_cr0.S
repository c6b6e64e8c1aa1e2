/* A divide with Rc = 1 leaves CR0's LT, GT and EQ undefined for <anything>
   / 0 and (divw) 0x8000_0000 / -1 (PowerPC Programming Environments for
   32-bit Microprocessors, ch. 8 divw, divwu); otherwise they compare the
   quotient with 0.  Each routine is splraise skipping its store on CR0;
   the _ok twins divide by a divisor that is not 0: the skip is never
   taken. */
	.include "port.inc"
	.text

	.macro	RAISE name, div, num, den, br
	.globl	\name
\name:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	lis	r6, \num@h
	ori	r6, r6, \num@l
	li	r7, \den
	\div	r8, r6, r7
	\br	1f
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
1:	mr	r3, r4
	blr
	.endm

	RAISE	splraise_divwu0_eq, divwu., 5, 0, beq		/* WRONG: EQ undefined */
	RAISE	splraise_divw0_lt, divw., 5, 0, blt		/* WRONG: LT undefined */
	RAISE	splraise_divwov_gt, divw., 0x80000000, -1, bgt	/* WRONG: GT undefined */
	RAISE	splraise_divwuo0_eq, divwuo., 5, 0, beq		/* WRONG: an "o" form too */
	RAISE	splraise_divwu_ok, divwu., 6, 3, beq		/* 2: EQ clear */
	RAISE	splraise_divw_ok, divw., 0x80000000, 2, bge	/* negative: LT set */
	RAISE	splraise_divwo_ok, divwo., 6, -3, bgt		/* -2: GT clear */
