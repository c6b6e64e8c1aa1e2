/* red team 37: BROKEN (expected: preserves).  splraise that uses CR30 (TR6) as a
   scratch register and leaves it changed.  NetBSD/hppa keeps the
   current process's U-area physical address in CR30 for the whole time
   the process runs (sys/arch/hppa/hppa/fpu.c 1.14: hppa_fpu_flush
   compares fpu_cur_uspace with the trapframe's tf_cr30, which the trap
   entry saves from CR30; locore loads it at cpu_switch): CR30 is not a
   trap-code temporary a routine may clobber. */
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	mtctl	%ret0, %cr30		; BUG: CR30 used as a temporary
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
