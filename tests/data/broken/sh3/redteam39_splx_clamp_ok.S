! CORRECT (red team 39 D F1, failed defined_only in session 39 before the fix): sh3 splx: clamps an out-of-range spl value to IPL_HIGH's (defensive),
! otherwise as the shipped _cpu_intr_resume.  Every spl value an spl routine
! returns is an IMASK image (IPL << 4, T Q M clear: returns_previous), so the
! clamp never fires for a value a caller can pass.
	.include "port.inc"
	.text
	.globl	my_splx
	.align	2
my_splx:
	mov	#-16, r2
	extu.b	r2, r2			! r2 = 0xf0
	cmp/hi	r2, r4			! T = s > 0xf0 (unsigned)
	bf	1f
	mov	r2, r4			! clamp to IPL_HIGH
1:	stc	sr, r1
	mov	r1, r0
	and	r2, r0			! old field
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
	rts
	nop
