/* Deliberately broken PR#20390 dispatchers for hppa (test data), linked
   with kernel_snippets/hppa/race.S, whose symbols they use.  Each must
   let `race_stale` become 1 for some softnet injection. */
	.include "port.inc"

	.equiv	CO_PENDING_BIT, 30	; as in race.S (callout.h 1.18 values 2, 4, 8 as PA-RISC bit numbers)
	.equiv	CO_FIRED_BIT, 29
	.equiv	CO_INVOKING_BIT, 28

	.text
/* Fix 1 done wrong: race_dispatch_spllower, but it unlocks with splx(s),
   back to the entry level, instead of spllower(callout_ipl): the window
   of kern_timeout.c 1.7 softclock() is open again. */
	.globl	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	ldil	L%SPL_HIGH, %arg0
	bl	splraise, %rp		; lock
	ldo	R%SPL_HIGH(%arg0), %arg0
	copy	%ret0, %r3		; s
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19
	bb,>=,n	%r19, CO_PENDING_BIT, 1f
	depi	0, CO_PENDING_BIT, 1, %r19
	depi	1, CO_FIRED_BIT, 1, %r19
	stw	%r19, R%callout_flags(%r1)
	ldil	L%callout_ipl, %r1
	ldw	R%callout_ipl(%r1), %arg0
	ldil	L%SPL_HIGH, %arg1
	bl	ipl_le, %rp
	ldo	R%SPL_HIGH(%arg1), %arg1
	cmpib,=,n 0, %ret0, 1f
	bl	splx, %rp		; WRONG: should be spllower(callout_ipl)
	copy	%r3, %arg0
	bl	tcp_timer, %rp
	nop
1:	bl	splx, %rp
	copy	%r3, %arg0
	ldw	-84(%sp), %rp
	copy	%r0, %ret0
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3

/* Fix 2 without the check: race_dispatch_ack, but network input ignores
   what callout_stop() returns (netinput_ack = 0) and frees the owner
   while the handler is invoking. */
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	ldil	L%netinput_ack, %r1
	stw	%r0, R%netinput_ack(%r1)	; WRONG: callout_stop()'s answer ignored
	ldil	L%SPL_HIGH, %arg0
	bl	splraise, %rp
	ldo	R%SPL_HIGH(%arg0), %arg0
	copy	%ret0, %r3
	ldil	L%callout_flags, %r1
	ldw	R%callout_flags(%r1), %r19
	bb,>=,n	%r19, CO_PENDING_BIT, 1f
	depi	0, CO_PENDING_BIT, 1, %r19
	depi	1, CO_FIRED_BIT, 1, %r19
	depi	1, CO_INVOKING_BIT, 1, %r19
	stw	%r19, R%callout_flags(%r1)
	bl	splx, %rp
	copy	%r3, %arg0
	bl	tcp_timer_ack, %rp
	nop
	ldil	L%SPL_HIGH, %arg0
	bl	splraise, %rp
	ldo	R%SPL_HIGH(%arg0), %arg0
	copy	%ret0, %r3
1:	bl	splx, %rp
	copy	%r3, %arg0
	ldw	-84(%sp), %rp
	copy	%r0, %ret0
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3
