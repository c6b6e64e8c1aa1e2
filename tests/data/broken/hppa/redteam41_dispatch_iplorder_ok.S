/* CORRECT (red team 41, false-fail probe): hppa intr_dispatch (replacing
   the port's) that looks at the sources in IPL order (com0 SERIAL, clock
   CLOCK, harmony AUDIO, gsckbc TTY, ie0 NET, siop0 BIO, then the soft ones)
   instead of the YAML's, restarting after every handler, no budget: the
   highest pending source always runs first.  Must hold. */
	.include "port.inc"
	.set	BUDGET, 9
	.set	USE_BUDGET, 0
	.text
	.macro	DISPATCH_CASE name, bit, level, spl, vector
	ldil	L%(1 << \bit), %r19
	ldo	R%(1 << \bit)(%r19), %r19
	and,<>	%r21, %r19, %r0		; this source's bit runs?
	b,n	1f
	andcm	%r20, %r19, %r20
	stw	%r20, R%ipending(%r1)	; claim it
	ldil	L%\spl, %r19
	ldo	R%\spl(%r19), %r19
	or	%r3, %r19, %r19
	ldil	L%cpl, %r1
	stw	%r19, R%cpl(%r1)	; cpl = ncpl | spl
	mtctl	%r4, %eiem		; interrupts on while it runs
	bl	handler_\name, %rp
	nop
	mtctl	%r0, %eiem
	b,n	dispatch_loop
1:
	.endm

	.weak	intr_dispatch
intr_dispatch:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	stw	%r4, -60(%sp)
	stw	%r5, -56(%sp)
	copy	%arg0, %r3		; ncpl
	copy	%arg1, %r4		; eiem
	ldi	BUDGET, %r5		; handlers left in this call
dispatch_loop:
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21		; ipending & ~ncpl
	cmpb,=,n %r21, %r0, dispatch_done
	.if	USE_BUDGET
	addib,<,n -1, %r5, dispatch_done	; BUG: budget spent, the rest waits
	.endif
	DISPATCH_CASE com0, SRC_COM0_BIT, SRC_COM0_LEVEL, SRC_COM0_SPL, SRC_COM0_VECTOR
	DISPATCH_CASE clock, SRC_CLOCK_BIT, SRC_CLOCK_LEVEL, SRC_CLOCK_SPL, SRC_CLOCK_VECTOR
	DISPATCH_CASE harmony, SRC_HARMONY_BIT, SRC_HARMONY_LEVEL, SRC_HARMONY_SPL, SRC_HARMONY_VECTOR
	DISPATCH_CASE gsckbc, SRC_GSCKBC_BIT, SRC_GSCKBC_LEVEL, SRC_GSCKBC_SPL, SRC_GSCKBC_VECTOR
	DISPATCH_CASE ie0, SRC_IE0_BIT, SRC_IE0_LEVEL, SRC_IE0_SPL, SRC_IE0_VECTOR
	DISPATCH_CASE siop0, SRC_SIOP0_BIT, SRC_SIOP0_LEVEL, SRC_SIOP0_SPL, SRC_SIOP0_VECTOR
	DISPATCH_CASE softserial, SRC_SOFTSERIAL_BIT, SRC_SOFTSERIAL_LEVEL, SRC_SOFTSERIAL_SPL, SRC_SOFTSERIAL_VECTOR
	DISPATCH_CASE softnet, SRC_SOFTNET_BIT, SRC_SOFTNET_LEVEL, SRC_SOFTNET_SPL, SRC_SOFTNET_VECTOR
	DISPATCH_CASE softclock, SRC_SOFTCLOCK_BIT, SRC_SOFTCLOCK_LEVEL, SRC_SOFTCLOCK_SPL, SRC_SOFTCLOCK_VECTOR
	break	0, 0			; a pending bit with no source
dispatch_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)		; cpl = ncpl
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	ldw	-56(%sp), %r5
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
