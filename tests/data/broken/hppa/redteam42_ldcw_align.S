; BROKEN: a splraise that orders its cpl update with LDCW on a semaphore word
; aligned to 4 only: PA-RISC 1.1 LDCW needs a 16-byte aligned address
; (else the operation is undefined); NetBSD hppa's locks are __aligned(16).
	.include "port.inc"
	.data
	.align	16
	.word	0
	.align	4
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
