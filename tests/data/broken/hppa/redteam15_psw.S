/* Red team 15 (held before the fix): the modelled kernel's PSW had Q and I
   only, so a routine that writes the system mask with a constant holding
   just those two changed nothing the model kept.

   rt_lower_mtsm_const (BROKEN): spllower that closes its store/test
   window with `rsm 1` (PSW[I] off) but turns interrupts back on by
   loading the system mask with a constant, `ldi 9 (Q|I); mtsm`, instead
   of `ssm 1` or an mtsm of the mask rsm returned.  NetBSD/hp700 runs the
   kernel with C, Q, P, D and I set (sys/arch/hp700/hp700/autoconf.c
   1.1.2.2: kpsw = PSW_Q | PSW_P | PSW_C | PSW_D, cpu_configure() then
   `ssm PSW_I` and kpsw |= PSW_I; sys/arch/hppa/include/psl.h 1.4:
   PSW_P 0x4, PSW_D 0x2; archs/hppa.yaml cpu.reset psw 0x4000f): this mtsm
   turns data address translation (D) and protection-ID checking (P) off
   for its caller (MTSM writes the whole system mask, PSW bits 24-31;
   C is outside it).  Must fail preserves (abi.state psw&0x40006).

   rt_lower_mtsm_ok (CORRECT, its twin): the same routine keeping the
   system mask `rsm 1, %r20` returns and giving it back whole with
   `mtsm %r20`.  Must hold. */
	.include "port.inc"
	.text
	.globl	rt_lower_mtsm_const
rt_lower_mtsm_const:
	rsm	1, %r0			; PSW[I] := 0
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	1f
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	ldi	9, %r1
	mtsm	%r1			; WRONG: the system mask := Q|I, D and P cleared
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
	bv	%r0(%rp)
	mtctl	%arg1, %eiem
1:	ldi	9, %r1
	bv	%r0(%rp)
	mtsm	%r1			; WRONG (as above)

	.globl	rt_lower_mtsm_ok
rt_lower_mtsm_ok:
	rsm	1, %r20			; PSW[I] := 0; r20 := the system mask as it was
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	1f
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem
	mtsm	%r20			; the caller's system mask back (EIEM = 0 keeps them out)
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)
	bl	intr_dispatch, %rp
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
	bv	%r0(%rp)
	mtctl	%arg1, %eiem
1:	bv	%r0(%rp)
	mtsm	%r20
