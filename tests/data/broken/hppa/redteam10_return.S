/* PSW[N] set as the routine returns nullifies the next instruction
   executed: the caller's first after the call (PA-RISC 1.1 ch. 4).  A
   compare-and-clear in the return's delay slot does that when its
   condition holds. */
	.include "port.inc"
	.text

	.globl	splraise_nullifies_caller
splraise_nullifies_caller:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	bv	%r0(%rp)
	comclr,= %ret0, %r0, %r0	/* WRONG: with the old cpl 0, N is set */

/* the twin: the compare-and-clear's nullification falls inside the
   routine (the delay slot itself), before the return */
	.globl	splraise_nullifies_own_ok
splraise_nullifies_own_ok:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	comclr,= %ret0, %r0, %r0
	nop				/* nullified when the old cpl was 0 */
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
