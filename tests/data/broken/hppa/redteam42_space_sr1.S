; BROKEN: splraise that reads cpl through an explicit space register,
; (%sr1,%r1): sr1 is a scratch/user space register in the hp700 kernel
; (its value at a call is not the kernel's space 0), so the load reads
; the same offset in another address space.  The kernel's data is reached
; with s = 0 (sr4-sr7 selected by the base's top bits, all kernel space 0).
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	ldil	L%cpl, %r1
	ldw	R%cpl(%sr1,%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)
