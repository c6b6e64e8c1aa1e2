! Deliberately broken PR#20390 dispatchers for sh3 (test data), linked
! with kernel_snippets/sh3/race.S, whose data and routines they use.
	.include "port.inc"
	.equ	PENDING, 2		! callout_flags bits, as in race.S
	.equ	INVOKING, 8
	.equ	FIRED, 4
	.text

! CALL fn: as in race.S (the line after it is the jsr's delay slot).
	.macro	CALL fn
	mov.l	1001f, r0
	bra	1002f
	nop
	.align	2
1001:	.long	\fn
1002:	jsr	@r0
	.endm

! Fix 1 done wrong: as race_dispatch_spllower, but it unlocks with splx(s),
! back to the entry level, instead of spllower(callout_ipl): the handler
! starts at softclock's level again, the 2003 window.
	.globl	race_dispatch_spllower_splx
	.align	2
race_dispatch_spllower_splx:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	mov	#SPL_HIGH - 256, r4
	CALL	splraise		! s = lock
	extu.b	r4, r4
	mov	r0, r8
	mov.l	.Lflags1, r1
	mov.l	@r1, r0
	tst	#PENDING, r0
	bt	2f
	and	#~PENDING & 0xff, r0
	or	#FIRED, r0
	mov.l	r0, @r1
	CALL	splx			! the wrong unlock: back to s
	mov	r8, r4
	CALL	tcp_timer
	nop
2:	CALL	splx
	mov	r8, r4
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0
	.align	2
.Lflags1:	.long	callout_flags

! Fix 2 without the ack check: as race_dispatch_ack, but network input is
! told to ignore what callout_stop() returns (netinput_ack = 0), so it
! frees the owner even while the handler is invoking.
	.globl	race_dispatch_ack_nocheck
	.align	2
race_dispatch_ack_nocheck:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	mov.l	.Lack2, r1		! WRONG: input ignores callout_stop()
	mov	#0, r2
	mov.l	r2, @r1
	mov	#SPL_HIGH - 256, r4
	CALL	splraise
	extu.b	r4, r4
	mov	r0, r8
	mov.l	.Lflags2, r1
	mov.l	@r1, r0
	tst	#PENDING, r0
	bt	2f
	and	#~PENDING & 0xff, r0
	or	#FIRED | INVOKING, r0
	mov.l	r0, @r1
	CALL	splx
	mov	r8, r4
	CALL	tcp_timer_ack
	nop
	mov	#SPL_HIGH - 256, r4
	CALL	splraise
	extu.b	r4, r4
	mov	r0, r8
2:	CALL	splx
	mov	r8, r4
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0
	.align	2
.Lflags2:	.long	callout_flags
.Lack2:		.long	netinput_ack
