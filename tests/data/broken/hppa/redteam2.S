/* hppa spl routines of the second red-team pass: each broken one wrong
   in one way a kernel programmer gets it wrong (the property it must fail
   is named beside it), and correct ones in styles unlike the port's own.
   tests/test_contract.py runs them. */
	.include "port.inc"
	.text

/* exact: the store meant for the return's delay slot was put after the
   return, with a nop in the slot: it never runs. */
	.globl	splraise_store_after_bv
splraise_store_after_bv:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	nop
	stw	%r19, R%cpl(%r1)

/* no_lost: the nullify condition reversed (andcm,= for andcm,<>): with a
   source pending that the new cpl lets in, the return is not nullified. */
	.globl	spllower_cond_reversed
spllower_cond_reversed:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,=	%r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
	bv	%r0(%rp)
	mtctl	%arg1, %eiem

/* no_fault: calls intr_dispatch without saving rp first: the bl
   overwrites it and the final return jumps back after the call. */
	.globl	spllower_rp_unsaved
spllower_rp_unsaved:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	bv	%r0(%rp)
	mtctl	%arg1, %eiem

/* preserves: keeps the EIEM to give back in r19, a caller-saves
   register intr_dispatch may change (PA-RISC runtime): EIEM comes back
   as whatever the callee left there. */
	.globl	spllower_eiem_in_r19
spllower_eiem_in_r19:
	ldil	L%cpl, %r1
	stw	%arg0, R%cpl(%r1)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %r19
	mtctl	%r0, %eiem
	stw	%rp, -20(%sp)
	ldo	64(%sp), %sp
	bl	intr_dispatch, %rp
	copy	%r19, %arg1
	ldo	-64(%sp), %sp
	ldw	-20(%sp), %rp
	bv	%r0(%rp)
	mtctl	%r19, %eiem		; WRONG: r19 is the callee's

/* uses dp (r27), the global data pointer every C function reaches its
   data through, as a temporary, and leaves it changed. */
	.globl	splraise_uses_dp
splraise_uses_dp:
	ldil	L%cpl, %r27
	ldw	R%cpl(%r27), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r27)

/* Correct: raise as GCC writes it, through dp: addil LR'cpl-$global$. */
	.globl	splraise_dp_ok
splraise_dp_ok:
	addil	LR'cpl-$global$, %r27
	ldw	RR'cpl-$global$(%r1), %ret0
	or	%ret0, %arg0, %r20
	bv	%r0(%rp)
	stw	%r20, RR'cpl-$global$(%r1)

/* Correct: lower with EIEM zero from before the store to after the
   dispatch, the EIEM kept in r3 (saved), one path for both cases. */
	.globl	spllower_masked_ok
spllower_masked_ok:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	mfctl	%eiem, %r3
	mtctl	%r0, %eiem
	ldil	L%cpl, %r1
	stw	%arg0, R%cpl(%r1)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,=	%r1, %arg0, %r0		; nothing let in: skip the call
	bl	intr_dispatch, %rp
	copy	%r3, %arg1
	mtctl	%r3, %eiem
	ldw	-84(%sp), %rp
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3

/* defined_only: keeps the old cpl in the stack above sp without taking
   a frame (ldo 64(%sp), %sp): the stack grows up, and an interrupt's
   stub saves its frame right there (hppa.yaml interrupt.changes). */
	.globl	splraise_above_sp
splraise_above_sp:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %r19
	stw	%r19, 8(%sp)		; "scratch slot"
	or	%r19, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	bv	%r0(%rp)
	ldw	8(%sp), %ret0
