/* red team 37: BROKEN (expected: preserves).  splraise that also toggles the FPU bits of CR10, the
   coprocessor configuration register CCR (PA-RISC 1.1 ch. 2: the CCR
   bits enable the coprocessors, bits 6-7 the floating-point unit; NetBSD
   hp700 switches the FPU lazily through them: a process's first FP
   instruction with its CCR bits clear traps, and the trap loads its
   state).  Clearing them from an spl routine disables the FPU under the
   running process (or, written with 1s, enables it on another's state):
   no spl routine may change CR10. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	ldi	0xc0, %r21		; HPPA_FPUS: CCR bits 6-7, the FPU
	mfctl	%cr10, %r20
	xor	%r20, %r21, %r20	; (r21: see below)
	mtctl	%r20, %cr10		; BUG: the FPU bits of CCR toggled
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
