! BROKEN: spllower that, at its end (after the SR write, in the rts slot),
! parks the old SR in bank 1's r7 (ldc Rm,R7_BANK) "for debugging".
! NetBSD/sh3 keeps the kernel stack top in bank 1 r7 (locore.h
! __EXCEPTION_ENTRY; archs/sh3.yaml's own entry_state RB source says so):
! the next exception from user mode takes that SR image as its stack.
! Nothing of the routine reads it back.  Expected: preserves fails.
	.include "port.inc"
	.text
	.globl	rt_lower_r7bank2
	.align	2
rt_lower_r7bank2:
	stc	sr, r1
	mov	r1, r0
	and	#0xf0, r0		! old field (result)
	mov	r1, r3
	xor	r0, r1
	or	r4, r1
	ldc	r1, sr
	rts
	ldc	r3, r7_bank		! WRONG: overwrites the kernel stack top
