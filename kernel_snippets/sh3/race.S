! The PR#20390 callout race on sh3 (contract: kernel_snippets/RACE.md),
! written for iplemu after NetBSD's sys/kern/kern_timeout.c 1.7 softclock()
! and sys/netinet/tcp_timer.c 1.55.  It calls the port's own splraise,
! spllower and splx (spl.S): argument r4, result r0, return address pr
! (jsr, see CALL); those routines clobber r0-r2.
!
! Data is reached through literal pools (mov.l .Lx, rN).  Non-leaf routines
! keep pr and what must survive a call in r8/r9, saved on the stack.
! handler_softnet runs inside an interrupt stub on bank 0, whose R0-R7 the
! stub saved: it uses r0-r3.  Every spl value comes from port.inc
! (archs/sh3.yaml); spl values above 127 are built with extu.b.
	.include "port.inc"
	.equ	PENDING, 2		! callout_flags bits: sys/callout.h 1.18 (2003-07-20)
	.equ	INVOKING, 8
	.equ	FIRED, 4

! ---- data: 32-bit words, all global ----------------------------------------
	.data
	.align	2
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.long	PENDING		! one callout, due
callout_ipl:		.long	SPL_SOFTNET	! its registered IPL (fix 1's co_ipl)
owner_freed:		.long	0
owner_free_deferred:	.long	0
owner_refs:		.long	0
race_stale:		.long	0
race_refused:		.long	0
netinput_ack:		.long	0

	.text

! CALL fn: r0 = fn from an inline literal, then jsr @r0; the line after
! CALL is the jsr's delay slot.  (GNU as cannot relocate bsr's 12-bit
! displacement to a symbol of another file, nor to a weak one.)
	.macro	CALL fn
	mov.l	1001f, r0
	bra	1002f
	nop
	.align	2
1001:	.long	\fn
1002:	jsr	@r0
	.endm

! r4 = SPL_HIGH (0xf0 does not fit mov's signed 8-bit immediate)
	.macro	SPLHIGH_ARG
	mov	#SPL_HIGH - 256, r4
	extu.b	r4, r4
	.endm

! int race_dispatch_none(void): softclock() of kern_timeout.c 1.7 (2003):
!	CALLOUT_LOCK(s); ... c->c_flags = (c->c_flags & ~CALLOUT_PENDING) |
!	CALLOUT_FIRED; CALLOUT_UNLOCK(s); (*func)(arg); CALLOUT_LOCK(s); ...
!	CALLOUT_UNLOCK(s);
! CALLOUT_LOCK is s = splsched() (splhigh here), CALLOUT_UNLOCK splx(s):
! the handler starts at softclock's level, PR#20390's window.
	.globl	race_dispatch_none
	.align	2
race_dispatch_none:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	SPLHIGH_ARG
	CALL	splraise		! CALLOUT_LOCK(s)
	nop
	mov	r0, r8			! r8 = s
	mov.l	.Lflags0, r1
	mov.l	@r1, r2
	mov	r2, r0
	tst	#PENDING, r0
	bt	2f			! nothing due
	and	#~PENDING & 0xff, r0
	or	#FIRED, r0
	mov.l	r0, @r1
	CALL	splx			! CALLOUT_UNLOCK(s)
	mov	r8, r4
	CALL	tcp_timer		! (*func)(arg)
	nop
	SPLHIGH_ARG
	CALL	splraise		! CALLOUT_LOCK(s)
	nop
	mov	r0, r8
2:	CALL	splx			! CALLOUT_UNLOCK(s)
	mov	r8, r4
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0			! return 0
	.align	2
.Lflags0:	.long	callout_flags

! int race_dispatch_spllower(void): fix 1 of PR#20390 (tech-kern,
! 2003-07-18): each callout carries its IPL (co_ipl); the dispatcher drops
! the lock with spllower(co_ipl) straight to that IPL and restores with
! splx(s) after the handler, refusing a callout above the lock level.
	.globl	race_dispatch_spllower
	.align	2
race_dispatch_spllower:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	mov.l	r9, @-r15
	SPLHIGH_ARG
	CALL	splraise		! s = lock
	nop
	mov	r0, r8			! r8 = s
	mov.l	.Lflags1, r1
	mov.l	@r1, r0
	tst	#PENDING, r0
	bt	3f			! nothing due
	and	#~PENDING & 0xff, r0
	or	#FIRED, r0
	mov.l	r0, @r1
	mov.l	.Lipl1, r1
	mov.l	@r1, r9			! r9 = co_ipl
	mov	r9, r4
	mov	#SPL_HIGH - 256, r5
	CALL	ipl_le			! co_ipl at or below the lock level?
	extu.b	r5, r5
	tst	r0, r0
	bf	2f
	mov.l	.Lrefused1, r1		! no: refuse it, run nothing
	mov	#1, r2
	bra	3f
	mov.l	r2, @r1
2:	CALL	spllower		! unlock to the callout's own IPL
	mov	r9, r4
	CALL	tcp_timer		! (*func)(arg)
	nop
3:	CALL	splx			! back to softclock's level
	mov	r8, r4
	mov.l	@r15+, r9
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0
	.align	2
.Lflags1:	.long	callout_flags
.Lipl1:		.long	callout_ipl
.Lrefused1:	.long	race_refused

! int race_dispatch_ack(void): fix 2, NetBSD's workaround (sys/callout.h,
! mid-2003: CALLOUT_INVOKING, callout_invoking(), callout_ack()): softclock
! marks the callout INVOKING as it fires it; network input that stops it
! meanwhile sees that from callout_stop() and leaves the owner to the
! handler, which checks INVOKING under splsoftnet.
	.globl	race_dispatch_ack
	.align	2
race_dispatch_ack:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	mov.l	.Lack2, r1
	mov	#1, r2
	mov.l	r2, @r1			! input heeds callout_stop()
	SPLHIGH_ARG
	CALL	splraise		! CALLOUT_LOCK(s)
	nop
	mov	r0, r8
	mov.l	.Lflags2, r1
	mov.l	@r1, r0
	tst	#PENDING, r0
	bt	2f
	and	#~PENDING & 0xff, r0
	or	#FIRED | INVOKING, r0
	mov.l	r0, @r1
	CALL	splx			! CALLOUT_UNLOCK(s)
	mov	r8, r4
	CALL	tcp_timer_ack		! (*func)(arg)
	nop
	SPLHIGH_ARG
	CALL	splraise		! CALLOUT_LOCK(s)
	nop
	mov	r0, r8
2:	CALL	splx			! CALLOUT_UNLOCK(s)
	mov	r8, r4
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0
	.align	2
.Lflags2:	.long	callout_flags
.Lack2:		.long	netinput_ack

! int tcp_timer(void): a TCP timer of tcp_timer.c 1.55
! (tcp_timer_rexmt ...): s = splsoftnet(); ... use the tcpcb ...; splx(s).
	.globl	tcp_timer, race_touch
	.align	2
tcp_timer:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	CALL	splraise		! s = splsoftnet()
	mov	#SPL_SOFTNET, r4
	mov	r0, r8
race_touch:
	mov.l	.Lfreed3, r1		! the timer uses its tcpcb:
	mov.l	@r1, r2
	tst	r2, r2
	bt	2f			! not freed: nothing stale
	mov.l	.Lstale3, r1		! freed: a stale touch
	mov	#1, r2
	mov.l	r2, @r1
2:	mov.l	.Lrefs3, r1
	mov.l	@r1, r2
	add	#1, r2
	mov.l	r2, @r1			! owner_refs += 1
	CALL	splx
	mov	r8, r4
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0
	.align	2
.Lfreed3:	.long	owner_freed
.Lstale3:	.long	race_stale
.Lrefs3:	.long	owner_refs

! int tcp_timer_ack(void): the same timer after the workaround:
! s = splsoftnet(); if (!callout_invoking(c)) { splx(s); return; }
! callout_ack(c); ... use the tcpcb ...; splx(s).
	.globl	tcp_timer_ack, race_touch_ack
	.align	2
tcp_timer_ack:
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	CALL	splraise		! s = splsoftnet()
	mov	#SPL_SOFTNET, r4
	mov	r0, r8
	mov.l	.Lflags4, r1
	mov.l	@r1, r0
	tst	#INVOKING, r0
	bt	3f			! stopped meanwhile: leave the owner alone
	and	#~INVOKING & 0xff, r0
	mov.l	r0, @r1			! callout_ack(c)
race_touch_ack:
	mov.l	.Lfreed4, r1		! the timer uses its tcpcb:
	mov.l	@r1, r2
	tst	r2, r2
	bt	2f			! not freed: nothing stale
	mov.l	.Lstale4, r1		! freed: a stale touch
	mov	#1, r2
	mov.l	r2, @r1
2:	mov.l	.Lrefs4, r1
	mov.l	@r1, r2
	add	#1, r2
	mov.l	r2, @r1			! owner_refs += 1
3:	CALL	splx
	mov	r8, r4
	mov.l	@r15+, r8
	lds.l	@r15+, pr
	rts
	mov	#0, r0
	.align	2
.Lflags4:	.long	callout_flags
.Lfreed4:	.long	owner_freed
.Lstale4:	.long	race_stale
.Lrefs4:	.long	owner_refs

! void handler_softnet(void): network input (ipintr -> tcp_input) that
! closes the connection: callout_stop() on the timer, then frees the
! tcpcb, unless (fix 2) callout_stop() said the handler is already
! invoking, in which case the handler is left to do it.  Overrides the
! weak counting handler of intr.S; uses r0-r3 (saved by the stub).
	.globl	handler_softnet
	.align	2
handler_softnet:
	mov.l	.Lcount5, r1		! count the run, as intr.S's handlers do
	mov.l	@r1, r2
	add	#1, r2
	mov.l	r2, @r1
	mov.l	.Lflags5, r1		! callout_stop(c):
	mov.l	@r1, r3			!   was = flags
	mov	r3, r0
	and	#~PENDING & 0xff, r0
	mov.l	r0, @r1			!   flags &= ~PENDING
	mov.l	.Lack5, r1
	mov.l	@r1, r2
	tst	r2, r2
	bt	1f			! input ignores what callout_stop says
	mov	r3, r0
	tst	#INVOKING, r0
	bt	1f			! not invoking: free the owner
	mov.l	.Ldeferred5, r1		! invoking: the handler frees it
	mov	#1, r2
	rts
	mov.l	r2, @r1
1:	mov.l	.Lfreed5, r1
	mov	#1, r2
	rts
	mov.l	r2, @r1
	.align	2
.Lcount5:	.long	count_softnet
.Lflags5:	.long	callout_flags
.Lack5:		.long	netinput_ack
.Ldeferred5:	.long	owner_free_deferred
.Lfreed5:	.long	owner_freed

! int ipl_le(int a, int b): 1 if spl value a is at or below b, else 0: the
! numeric compare of the SR.IMASK field (bits 7:4) that `iplemu compare`
! derives for sh3.  A leaf; r4, r5 in, r0 out.
	.globl	ipl_le
	.align	2
ipl_le:
	mov	#-16, r1
	extu.b	r1, r1			! 0xf0
	and	r1, r4
	and	r1, r5
	cmp/hs	r4, r5			! T = (b >= a)
	rts
	movt	r0
