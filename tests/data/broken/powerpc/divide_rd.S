/* A divide by 0, or (divw) 0x8000_0000 by -1, leaves rD undefined, in
   every form (PowerPC Programming Environments for 32-bit
   Microprocessors, ch. 8 divw, divwu: "the contents of rD are
   undefined").  Each routine is splraise computing the old cpl through a
   quotient: by its argument, which is 0 for IPL_NONE (WRONG), or by the
   constant 1 (the _ok twin). */
	.include "port.inc"
	.text

	.macro	RAISE name, div, den
	.globl	\name
\name:
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	\den
	\div	r8, r6, r7		/* 1, or undefined when r7 = 0 */
	mullw	r8, r8, r4		/* the old cpl, or undefined */
	or	r5, r8, r3
	stw	r5, cpl@l(r9)
	mr	r3, r4
	blr
	.endm

	RAISE	splraise_divwu_arg, divwu, "mr r6, r3; mr r7, r3"	/* WRONG: r3 = 0 */
	RAISE	splraise_divw_arg, divw, "mr r6, r3; mr r7, r3"		/* WRONG: r3 = 0 */
	RAISE	splraise_divwo_arg, divwo, "mr r6, r3; mr r7, r3"	/* WRONG: an "o" form */
	RAISE	splraise_divwu_rec_arg, divwu., "mr r6, r3; mr r7, r3"	/* WRONG: record form */
	RAISE	splraise_divwu_ok, divwu, "li r6, 1; li r7, 1"		/* 1 / 1 */
	RAISE	splraise_divw_ok, divw, "li r6, -1; li r7, -1"		/* -1 / -1 = 1 */

/* The quotient in r31, a nonvolatile register (saved in its own frame):
   a register the ABI defines at a call is left undefined too. */
	.globl	splraise_divwu_r31_arg
splraise_divwu_r31_arg:
	stwu	r1, -16(r1)
	stw	r31, 8(r1)
	lis	r9, cpl@ha
	lwz	r4, cpl@l(r9)
	divwu	r31, r3, r3		/* WRONG: undefined when r3 = 0 */
	mullw	r8, r31, r4
	or	r5, r8, r3
	stw	r5, cpl@l(r9)
	mr	r3, r4
	lwz	r31, 8(r1)
	addi	r1, r1, 16
	blr
