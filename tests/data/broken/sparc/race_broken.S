! Deliberately broken PR#20390 dispatchers for sparc (test data), linked
! with kernel_snippets/sparc/race.S, whose data and routines they use.
	.include "port.inc"
	.equ	PENDING, 2		! callout_flags bits, as in race.S
	.equ	INVOKING, 8
	.equ	FIRED, 4
	.text

! Fix 1 done wrong: as race_dispatch_spllower, but it unlocks with splx(s),
! back to the entry level, instead of spllower(callout_ipl): the handler
! starts at softclock's level again, the 2003 window.
	.globl	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
	save	%sp, -96, %sp
	call	splraise		! s = lock
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1
	sethi	%hi(callout_flags), %l3
	ld	[%l3 + %lo(callout_flags)], %l2
	btst	PENDING, %l2
	bz	2f
	 andn	%l2, PENDING, %l2
	or	%l2, FIRED, %l2
	st	%l2, [%l3 + %lo(callout_flags)]
	sethi	%hi(callout_ipl), %l3
	ld	[%l3 + %lo(callout_ipl)], %o0
	call	ipl_le
	 mov	SPL_HIGH, %o1
	tst	%o0
	bne	1f
	 mov	1, %l2
	sethi	%hi(race_refused), %l3
	ba	2f
	 st	%l2, [%l3 + %lo(race_refused)]
1:	call	splx			! WRONG: the entry level, not co_ipl
	 mov	%l1, %o0
	call	tcp_timer
	 nop
2:	call	splx
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0

! Fix 2 without the ack check: as race_dispatch_ack, but network input is
! told to ignore what callout_stop() returns (netinput_ack = 0), so it
! frees the owner even while the handler is invoking.
	.globl	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	save	%sp, -96, %sp
	sethi	%hi(netinput_ack), %l3	! WRONG: input ignores callout_stop()
	st	%g0, [%l3 + %lo(netinput_ack)]
	call	splraise
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1
	sethi	%hi(callout_flags), %l3
	ld	[%l3 + %lo(callout_flags)], %l2
	btst	PENDING, %l2
	bz	1f
	 andn	%l2, PENDING, %l2
	or	%l2, FIRED | INVOKING, %l2
	st	%l2, [%l3 + %lo(callout_flags)]
	call	splx
	 mov	%l1, %o0
	call	tcp_timer_ack
	 nop
	call	splraise
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1
1:	call	splx
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0
