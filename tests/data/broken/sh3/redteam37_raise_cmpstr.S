! red team 37: BROKEN (expected: defined_only).  _cpu_intr_raise with a "fast path"
! keyed on two registers it never set: cmp/str r5, r6 (T = 1 when any byte
! of r5 equals the byte of r6 in the same place; r5 and r6 are not
! arguments of a one-argument call: the caller's garbage).  When no byte
! matches the routine returns without raising.  Every poison pattern of
! the model is 0xDEADxxxx (its complement 0x2152xxxx, or 0), so the top
! bytes always match and T is 1 in every world.
	.include "port.inc"
	.text
	.globl	_cpu_intr_raise
	.align	2
_cpu_intr_raise:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	cmp/str	r5, r6			! BUG: undefined registers
	bf	1f
	cmp/hs	r4, r0
	bt	1f
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
1:	rts
	nop
