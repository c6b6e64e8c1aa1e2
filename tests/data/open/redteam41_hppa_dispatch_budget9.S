/* OPEN (holds; red team 41 F1): hppa intr_dispatch (replacing the port's through
   its weak symbol) with a livelock guard: at most BUDGET (9, as many as the
   port has sources) handlers per call; what is still pending then waits
   "for the next interrupt or spl call".  Red team 40 B's budget of 3 fails
   the start with every request pended at the call (starts.several_pended);
   a budget of 9 serves every one that start pends (at most 9 sources), so
   it takes a tenth request, one arriving while the replay runs:
     from IPL_SERIAL all nine pended, spllower(IPL_NONE): the dispatch runs
     clock, com0, siop0, ie0, gsckbc, harmony; gsckbc arrives again while
     harmony's handler runs (cpl = AUDIO blocks it: pended); the dispatch
     runs it, softserial, softnet: nine, the budget is spent; softclock stays
     in ipending, unblocked by cpl = 0, at the return (no_lost).
   Everything else as kernel_snippets/hppa/spl.S's intr_dispatch. */
	.include "port.inc"
	.set	BUDGET, 9
	.set	USE_BUDGET, 1
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
	IPLEMU_SOURCES DISPATCH_CASE
	break	0, 0			; a pending bit with no source
dispatch_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)		; cpl = ncpl
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	ldw	-56(%sp), %r5
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
