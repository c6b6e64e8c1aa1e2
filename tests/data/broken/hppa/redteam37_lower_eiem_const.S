/* red team 37: BROKEN (expected: preserves).  The port's spllower whose slow path
   gives EIEM back as a constant, the mask hp700_intr_init() loaded at
   boot (0xfc0000e0, archs/hppa.yaml cpu.reset), not the EIEM it saved.
   In NetBSD/hp700 EIEM enables no line until hp700_intr_init() (intr.c
   1.1) loads it after autoconfiguration, while the drivers' attach code
   already calls splx (spllower): there this routine turns every line on
   when something is pending.  Every check
   call started with cpu.reset's EIEM, the constant, so it never showed
   (now: the abi.call_states "EIEM 0" with a source pended). */
	.include "port.inc"
	.text
	.globl	spllower
spllower:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem		; no external interrupt now
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	spllower_out		; beaten: an interrupt dispatched it
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)		; keep the EIEM to give back
	bl	intr_dispatch, %rp	; intr_dispatch(ncpl, eiem)
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
spllower_out:
	ldil	L%0xfc0000e0, %arg1	; BUG: EIEM given back as boot set it,
	ldo	R%0xfc0000e0(%arg1), %arg1	; not as found
	bv	%r0(%rp)
	mtctl	%arg1, %eiem

