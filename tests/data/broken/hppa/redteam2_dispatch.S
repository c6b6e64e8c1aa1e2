/* hppa: a replay (intr_dispatch, the port's is in spl.S) of the second
   red-team pass, checked with the port's spllower (tests/test_contract.py).

   no_lost (depth 2): dispatches the lowest pending source the new cpl
   lets in and returns, without looking at ipending again: with two
   pending, the second waits although nothing blocks it. */
	.include "port.inc"

	.macro	ONE_CASE name, bit, level, spl, vector
	ldil	L%(1 << \bit), %r19
	ldo	R%(1 << \bit)(%r19), %r19
	and,<>	%r21, %r19, %r0		; this one pending and let in?
	b,n	1f
	andcm	%r20, %r19, %r20
	stw	%r20, R%ipending(%r1)	; claim it
	ldil	L%\spl, %r19
	ldo	R%\spl(%r19), %r19
	or	%r3, %r19, %r19
	ldil	L%cpl, %r1
	stw	%r19, R%cpl(%r1)	; cpl = ncpl | its spl
	mtctl	%r4, %eiem
	bl	handler_\name, %rp
	nop
	mtctl	%r0, %eiem
	b,n	one_done		; WRONG: "one at a time is enough"
1:
	.endm

	.text
	.globl	intr_dispatch
intr_dispatch:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	stw	%r4, -60(%sp)
	copy	%arg0, %r3
	copy	%arg1, %r4
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21
	cmpb,=,n %r21, %r0, one_done
	IPLEMU_SOURCES ONE_CASE
one_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
