; BROKEN (decided before running): hppa spllower whose dispatch branch
; (reached only when something pending is unblocked) skips intr_dispatch
; when %r22 is 0: %r22 is a caller-saves register spllower never wrote,
; undefined at the call (PA-RISC procedure calling convention).  Meant
; %r1 (ipending & ~ncpl).  Should fail defined_only (no_lost where 0).
	.include "port.inc"
	.text
	.globl	rt_lower
rt_lower:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	rt_out
	comib,=	0, %r22, rt_out		; BUG: meant %r1
	nop
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
rt_out:
	bv	%r0(%rp)
	mtctl	%arg1, %eiem
