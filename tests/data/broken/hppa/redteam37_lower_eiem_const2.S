/* red team 37: BROKEN (expected: preserves).  spllower that keeps external interrupts
   out for its whole run (EIEM := 0 first) and, at the end, gives EIEM
   back as the constant hp700_intr_init() loads at boot (0xfc0000e0,
   archs/hppa.yaml cpu.reset) instead of the EIEM it found.  In
   NetBSD/hp700 EIEM is 0 until hp700_intr_init() runs at the end of
   autoconfiguration, and drivers' attach routines call splbio()/splx()
   before that: this splx turns every line on while no handler is set
   up.  (hppa's spllower is splx, intr.h 1.3.)  Every check call starts
   with cpu.reset's EIEM, so the constant is always the value found. */
	.include "port.inc"
	.text
	.globl	spllower
spllower:
	mtctl	%r0, %eiem		; nothing external while we look
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	1f
	stw	%rp, -20(%sp)
	ldil	L%0xfc0000e0, %arg1
	ldo	R%0xfc0000e0(%arg1), %arg1
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp	; intr_dispatch(ncpl, eiem)
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
1:	ldil	L%0xfc0000e0, %r1	; BUG: the boot-time EIEM, not the one found
	ldo	R%0xfc0000e0(%r1), %r1
	bv	%r0(%rp)
	mtctl	%r1, %eiem
