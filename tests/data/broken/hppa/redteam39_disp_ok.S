; CORRECT twin of redteam39_disp_softrev.S: the shipped dispatch order.
	.include "port.inc"
	.text
	.macro	DISPATCH_CASE name, bit, level, spl, vector
	ldil	L%(1 << \bit), %r19
	ldo	R%(1 << \bit)(%r19), %r19
	and,<>	%r21, %r19, %r0		; this source's bit runs?
	b,n	1f
	andcm	%r20, %r19, %r20
	stw	%r20, R%ipending(%r1)	; claim it
	ldil	L%\spl, %r19
	ldo	R%\spl(%r19), %r19
	or	%r3, %r19, %r19
	ldil	L%cpl, %r1
	stw	%r19, R%cpl(%r1)	; cpl = ncpl | spl
	mtctl	%r4, %eiem		; interrupts on while it runs
	bl	handler_\name, %rp
	nop
	mtctl	%r0, %eiem
	b,n	dispatch_loop
1:
	.endm

	.weak	intr_dispatch
intr_dispatch:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	stw	%r4, -60(%sp)
	copy	%arg0, %r3		; ncpl
	copy	%arg1, %r4		; eiem
dispatch_loop:
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21		; ipending & ~ncpl
	cmpb,=,n %r21, %r0, dispatch_done
	IPLEMU_SOURCES DISPATCH_CASE
	break	0, 0			; a pending bit with no source
dispatch_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)		; cpl = ncpl
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3

