/* Deliberately broken PR#20390 dispatchers for arm32 (test data), linked
   with kernel_snippets/arm32/race.S, whose symbols they use.  Each must
   let `race_stale` become 1 for some softnet injection. */
	.include "port.inc"

	.equ	CO_PENDING,  2			/* as in race.S */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4

	.text
/* Fix 1 done wrong: race_dispatch_spllower, but it unlocks with splx(s),
   back to the entry level, instead of to callout_ipl: the window of
   kern_timeout.c 1.7 softclock() is open again. */
	.globl	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
	stmfd	sp!, {r4, lr}
	mov	r0, #IPL_HIGH
	bl	_splraise			/* lock */
	mov	r4, r0				/* s */
	ldr	r1, =callout_flags
	ldr	r0, [r1]
	tst	r0, #CO_PENDING
	beq	1f
	bic	r0, r0, #CO_PENDING
	orr	r0, r0, #CO_FIRED
	str	r0, [r1]
	ldr	r0, =callout_ipl
	ldr	r0, [r0]
	ldr	r1, =SPL_HIGH
	bl	ipl_le
	cmp	r0, #0
	bne	2f
	ldr	r1, =race_refused
	mov	r0, #1
	str	r0, [r1]
	b	1f
2:	mov	r0, r4
	bl	splx				/* WRONG: should lower to callout_ipl */
	bl	tcp_timer
1:	mov	r0, r4
	bl	splx
	mov	r0, #0
	ldmfd	sp!, {r4, pc}

/* Fix 2 without the check: race_dispatch_ack, but network input ignores
   what callout_stop() returns (netinput_ack = 0) and frees the owner
   while the handler is invoking. */
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	stmfd	sp!, {r4, lr}
	ldr	r1, =netinput_ack
	mov	r0, #0				/* WRONG: callout_stop()'s answer ignored */
	str	r0, [r1]
	mov	r0, #IPL_HIGH
	bl	_splraise
	mov	r4, r0
	ldr	r1, =callout_flags
	ldr	r0, [r1]
	tst	r0, #CO_PENDING
	beq	1f
	bic	r0, r0, #CO_PENDING
	orr	r0, r0, #(CO_FIRED | CO_INVOKING)
	str	r0, [r1]
	mov	r0, r4
	bl	splx
	bl	tcp_timer_ack
	mov	r0, #IPL_HIGH
	bl	_splraise
	mov	r4, r0
1:	mov	r0, r4
	bl	splx
	mov	r0, #0
	ldmfd	sp!, {r4, pc}
