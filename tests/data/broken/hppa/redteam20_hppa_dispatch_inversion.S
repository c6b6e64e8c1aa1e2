/*
 * red team 20 A: hppa twin of i386_resume_inversion.S: intr_dispatch (the
 * replay of spllower and of the stubs' tail, hp700_intr_dispatch) gives
 * the clock's handler EIEM = eiem (external interrupts on) BEFORE it
 * raises cpl to ncpl | the clock's spl: a lower request is taken there
 * and its handler runs ahead of the clock's, whose pending bit was
 * already claimed.  Other sources keep the port's order (cpl, then EIEM).
 */
	.include "port.inc"

	.macro	RT_CASE name, bit, level, spl, vector
	ldil	L%(1 << \bit), %r19
	ldo	R%(1 << \bit)(%r19), %r19
	and,<>	%r21, %r19, %r0
	b,n	1f
	andcm	%r20, %r19, %r20
	stw	%r20, R%ipending(%r1)	; claim it
	.ifc	\name,clock
	mtctl	%r4, %eiem		; too early: cpl still ncpl
	.endif
	ldil	L%\spl, %r19
	ldo	R%\spl(%r19), %r19
	or	%r3, %r19, %r19
	ldil	L%cpl, %r1
	stw	%r19, R%cpl(%r1)
	.ifnc	\name,clock
	mtctl	%r4, %eiem
	.endif
	bl	handler_\name, %rp
	nop
	mtctl	%r0, %eiem
	b,n	rt_dispatch_loop
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
rt_dispatch_loop:
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21
	cmpb,=,n %r21, %r0, rt_dispatch_done
	IPLEMU_SOURCES RT_CASE
	break	0, 0
rt_dispatch_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
