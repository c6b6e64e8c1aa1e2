/* CORRECT twin of redteam41_dispatch_continue.S: RESTART = 1, the chain starts over after every handler (the port's own intr_dispatch, its end-of-chain break replaced by a restart).
   its weak symbol) that, after a handler returns, re-reads ipending but
   goes on with the *next* source of its chain instead of starting the
   chain again ("continue the for loop"); at the end of the chain it starts
   over.  Nothing is lost: the final pass finds what was skipped.  But a
   request pended while a handler ran, whose source comes earlier in the
   chain, waits behind every later pending source of lower priority:
     harmony (AUDIO) and softnet pending, spllower(IPL_NONE) dispatches
     harmony at cpl = AUDIO; gsckbc (TTY) arrives in its handler and pends
     (AUDIO blocks it); harmony returns, the scan goes on after harmony:
     softnet runs at cpl = SOFTNET while gsckbc, unblocked, waits.
   Needs three requests (two pending at the dispatch, one arriving). */
	.include "port.inc"
	.set	RESTART, 1
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
	.if RESTART
	b,n	dispatch_loop
	.endif
	ldil	L%ipending, %r1		; BUG: go on with the next source
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21
1:
	.endm

	.weak	intr_dispatch
intr_dispatch:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	stw	%r4, -60(%sp)
	copy	%arg0, %r3		; ncpl
	copy	%arg1, %r4		; eiem
dispatch_loop:
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21		; ipending & ~ncpl
	cmpb,=,n %r21, %r0, dispatch_done
	IPLEMU_SOURCES DISPATCH_CASE
	b,n	dispatch_loop		; end of the chain: start over
dispatch_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)		; cpl = ncpl
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
