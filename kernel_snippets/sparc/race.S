! The PR#20390 callout race on sparc (contract: kernel_snippets/RACE.md),
! written for iplemu after NetBSD's sys/kern/kern_timeout.c 1.7 softclock()
! and sys/netinet/tcp_timer.c 1.55.  It calls the port's own splraise,
! spllower and splx (spl.S): argument and result in %o0, call/retl.
! Non-leaf routines take a register window (save/restore) and keep what
! must survive a call in %l registers; the leaf ones (ipl_le,
! handler_softnet) use %o registers only, as intr.S's handlers do, so an
! interrupt stub's window never disturbs them.  Every spl value comes from
! port.inc (archs/sparc.yaml).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00		! the PIL field of an spl value (spl_bits 11:8)
	.equ	PENDING, 2		! callout_flags bits (sys/callout.h, 2003)
	.equ	INVOKING, 8
	.equ	FIRED, 4

! ---- data: 32-bit words, all global ---------------------------------------
	.data
	.align	4
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.word	PENDING		! one callout, due
callout_ipl:		.word	SPL_SOFTNET	! its registered IPL (fix 1's co_ipl)
owner_freed:		.word	0
owner_free_deferred:	.word	0
owner_refs:		.word	0
race_stale:		.word	0
race_refused:		.word	0
netinput_ack:		.word	0

	.text

! int race_dispatch_none(void): softclock() of kern_timeout.c 1.7 (2003):
!	CALLOUT_LOCK(s); ... c->c_flags = (c->c_flags & ~CALLOUT_PENDING) |
!	CALLOUT_FIRED; CALLOUT_UNLOCK(s); (*func)(arg); CALLOUT_LOCK(s); ...
!	CALLOUT_UNLOCK(s);
! CALLOUT_LOCK is s = splsched() (splhigh here), CALLOUT_UNLOCK splx(s):
! the handler starts at softclock's level, PR#20390's window.
	.globl	race_dispatch_none
race_dispatch_none:
	save	%sp, -96, %sp
	call	splraise		! CALLOUT_LOCK(s)
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1		! %l1 = s
	sethi	%hi(callout_flags), %l3
	ld	[%l3 + %lo(callout_flags)], %l2
	btst	PENDING, %l2
	bz	1f			! nothing due
	 andn	%l2, PENDING, %l2	! (delay slot; stored only when due)
	or	%l2, FIRED, %l2
	st	%l2, [%l3 + %lo(callout_flags)]
	call	splx			! CALLOUT_UNLOCK(s)
	 mov	%l1, %o0
	call	tcp_timer		! (*func)(arg)
	 nop
	call	splraise		! CALLOUT_LOCK(s)
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1
1:	call	splx			! CALLOUT_UNLOCK(s)
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0		! return 0

! int race_dispatch_spllower(void): fix 1 of PR#20390 (tech-kern,
! 2003-07-18): each callout carries its IPL (co_ipl); the dispatcher drops
! the lock with spllower(co_ipl) straight to that IPL and restores with
! splx(s) after the handler, refusing a callout above the lock level.
	.globl	race_dispatch_spllower
race_dispatch_spllower:
	save	%sp, -96, %sp
	call	splraise		! s = lock
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1		! %l1 = s
	sethi	%hi(callout_flags), %l3
	ld	[%l3 + %lo(callout_flags)], %l2
	btst	PENDING, %l2
	bz	2f			! nothing due
	 andn	%l2, PENDING, %l2
	or	%l2, FIRED, %l2
	st	%l2, [%l3 + %lo(callout_flags)]
	sethi	%hi(callout_ipl), %l3
	ld	[%l3 + %lo(callout_ipl)], %l4	! %l4 = co_ipl
	mov	%l4, %o0
	call	ipl_le			! co_ipl at or below the lock level?
	 mov	SPL_HIGH, %o1
	tst	%o0
	bne	1f
	 mov	1, %l2
	sethi	%hi(race_refused), %l3	! no: refuse it, run nothing
	ba	2f
	 st	%l2, [%l3 + %lo(race_refused)]
1:	call	spllower		! unlock to the callout's own IPL
	 mov	%l4, %o0
	call	tcp_timer		! (*func)(arg)
	 nop
2:	call	splx			! back to softclock's level
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0

! int race_dispatch_ack(void): fix 2, NetBSD's workaround (sys/callout.h,
! mid-2003: CALLOUT_INVOKING, callout_invoking(), callout_ack()): softclock
! marks the callout INVOKING as it fires it; network input that stops it
! meanwhile sees that from callout_stop() and leaves the owner to the
! handler, which checks INVOKING under splsoftnet.
	.globl	race_dispatch_ack
race_dispatch_ack:
	save	%sp, -96, %sp
	mov	1, %l2
	sethi	%hi(netinput_ack), %l3	! network input heeds callout_stop()
	st	%l2, [%l3 + %lo(netinput_ack)]
	call	splraise		! CALLOUT_LOCK(s)
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1
	sethi	%hi(callout_flags), %l3
	ld	[%l3 + %lo(callout_flags)], %l2
	btst	PENDING, %l2
	bz	1f
	 andn	%l2, PENDING, %l2
	or	%l2, FIRED | INVOKING, %l2
	st	%l2, [%l3 + %lo(callout_flags)]
	call	splx			! CALLOUT_UNLOCK(s)
	 mov	%l1, %o0
	call	tcp_timer_ack		! (*func)(arg)
	 nop
	call	splraise		! CALLOUT_LOCK(s)
	 mov	SPL_HIGH, %o0
	mov	%o0, %l1
1:	call	splx			! CALLOUT_UNLOCK(s)
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0

! int tcp_timer(void): a TCP timer of tcp_timer.c 1.55
! (tcp_timer_rexmt ...): s = splsoftnet(); ... use the tcpcb ...; splx(s).
	.globl	tcp_timer, race_touch
tcp_timer:
	save	%sp, -96, %sp
	call	splraise		! s = splsoftnet()
	 mov	SPL_SOFTNET, %o0
	mov	%o0, %l1
race_touch:
	sethi	%hi(owner_freed), %l0	! the timer uses its tcpcb:
	ld	[%l0 + %lo(owner_freed)], %l2
	tst	%l2
	be	3f			! not freed: nothing stale
	 mov	1, %l2
	sethi	%hi(race_stale), %l0	! freed: a stale touch
	st	%l2, [%l0 + %lo(race_stale)]
3:	sethi	%hi(owner_refs), %l0
	ld	[%l0 + %lo(owner_refs)], %l2
	add	%l2, 1, %l2
	st	%l2, [%l0 + %lo(owner_refs)]	! owner_refs += 1
	call	splx
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0

! int tcp_timer_ack(void): the same timer after the workaround:
! s = splsoftnet(); if (!callout_invoking(c)) { splx(s); return; }
! callout_ack(c); ... use the tcpcb ...; splx(s).
	.globl	tcp_timer_ack, race_touch_ack
tcp_timer_ack:
	save	%sp, -96, %sp
	call	splraise		! s = splsoftnet()
	 mov	SPL_SOFTNET, %o0
	mov	%o0, %l1
	sethi	%hi(callout_flags), %l3
	ld	[%l3 + %lo(callout_flags)], %l2
	btst	INVOKING, %l2
	bz	1f			! stopped meanwhile: leave the owner alone
	 andn	%l2, INVOKING, %l2
	st	%l2, [%l3 + %lo(callout_flags)]	! callout_ack(c)
race_touch_ack:
	sethi	%hi(owner_freed), %l0	! the timer uses its tcpcb:
	ld	[%l0 + %lo(owner_freed)], %l2
	tst	%l2
	be	3f			! not freed: nothing stale
	 mov	1, %l2
	sethi	%hi(race_stale), %l0	! freed: a stale touch
	st	%l2, [%l0 + %lo(race_stale)]
3:	sethi	%hi(owner_refs), %l0
	ld	[%l0 + %lo(owner_refs)], %l2
	add	%l2, 1, %l2
	st	%l2, [%l0 + %lo(owner_refs)]	! owner_refs += 1
1:	call	splx
	 mov	%l1, %o0
	ret
	 restore %g0, 0, %o0

! void handler_softnet(void): network input (ipintr -> tcp_input) that
! closes the connection: callout_stop() on the timer, then frees the
! tcpcb, unless (fix 2) callout_stop() said the handler is already
! invoking, in which case the handler is left to do it.  Overrides the
! weak counting handler of intr.S; a leaf using %o1-%o4 only.
	.globl	handler_softnet
handler_softnet:
	sethi	%hi(count_softnet), %o1	! count the run, as intr.S's handlers do
	ld	[%o1 + %lo(count_softnet)], %o2
	add	%o2, 1, %o2
	st	%o2, [%o1 + %lo(count_softnet)]
	sethi	%hi(callout_flags), %o1	! callout_stop(c):
	ld	[%o1 + %lo(callout_flags)], %o2	!   was = flags
	andn	%o2, PENDING, %o3
	st	%o3, [%o1 + %lo(callout_flags)]	!   flags &= ~PENDING
	sethi	%hi(netinput_ack), %o1
	ld	[%o1 + %lo(netinput_ack)], %o3
	tst	%o3
	be	1f			! input ignores what callout_stop says
	 mov	1, %o4
	btst	INVOKING, %o2
	bz	1f			! not invoking: free the owner
	 sethi	%hi(owner_free_deferred), %o1
	retl				! invoking: the handler frees it
	 st	%o4, [%o1 + %lo(owner_free_deferred)]
1:	sethi	%hi(owner_freed), %o1
	retl
	 st	%o4, [%o1 + %lo(owner_freed)]

! int ipl_le(int a, int b): 1 if spl value a is at or below b, else 0:
! the numeric compare of the PIL field that `iplemu compare` derives for
! sparc.  A leaf.
	.globl	ipl_le
ipl_le:
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o1
	cmp	%o0, %o1
	bleu	1f
	 mov	1, %o2			! a <= b
	mov	0, %o2
1:	retl
	 mov	%o2, %o0
