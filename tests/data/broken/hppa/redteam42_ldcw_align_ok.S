; twin: the semaphore word 16-byte aligned
	.include "port.inc"
	.data
	.align	16
	.word	0
	.align	16
sema:	.word	1
	.text
	.globl	rt_raise
rt_raise:
	ldil	L%sema, %r1
	ldo	R%sema(%r1), %r1
	ldcw	0(%r1), %r20		; barrier / take the semaphore (value unused)
	ldil	L%cpl, %r21
	ldw	R%cpl(%r21), %ret0
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r21)
	ldi	1, %r20
	bv	%r0(%rp)
	stw	%r20, 0(%r1)		; give it back
