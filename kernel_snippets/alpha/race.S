# The PR#20390 callout race on alpha (contract: kernel_snippets/RACE.md),
# written for iplemu after NetBSD's sys/kern/kern_timeout.c 1.7 softclock()
# and sys/netinet/tcp_timer.c 1.55.  It calls the port's own splraise,
# spllower and splx (spl.S): argument a0 = $16, result v0 = $0, return
# address ra = $26, bsr; those routines clobber v0, t0 ($1) and a0.
#
# Data is reached as intr.S reaches it: gp-relative (!gprelhigh/!gprellow).
# There is no fixed kernel gp, so a routine the engine may call loads its
# own with `br pv; ldgp`, as intr.S's stubs do (every object of the image
# shares one gp); spl.S's spl0 loads that same gp, the other spl routines
# never touch it, and rti restores it.  Non-leaf
# routines keep ra and what must survive a call in s0/s1 ($9/$10), saved in
# a 32-byte frame (sp stays 16-byte aligned).  handler_softnet runs inside
# an interrupt stub, which saves only t0, t1, ra and pv (PALcode: gp and
# a0-a2): it uses t0, t1 and a0.  Every spl value comes from port.inc
# (archs/alpha.yaml).
	.include "port.inc"
	.set	noat
	.set	noreorder
	.equ	PENDING, 2		# callout_flags bits (sys/callout.h, 2003)
	.equ	INVOKING, 8
	.equ	FIRED, 4

# ---- data: 32-bit words (ldl/stl), all global ------------------------------
	.data
	.align	2
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.long	PENDING		# one callout, due
callout_ipl:		.long	SPL_SOFTNET	# its registered IPL (fix 1's co_ipl)
owner_freed:		.long	0
owner_free_deferred:	.long	0
owner_refs:		.long	0
race_stale:		.long	0
race_refused:		.long	0
netinput_ack:		.long	0

	.text

# int race_dispatch_none(void): softclock() of kern_timeout.c 1.7 (2003):
#	CALLOUT_LOCK(s); ... c->c_flags = (c->c_flags & ~CALLOUT_PENDING) |
#	CALLOUT_FIRED; CALLOUT_UNLOCK(s); (*func)(arg); CALLOUT_LOCK(s); ...
#	CALLOUT_UNLOCK(s);
# CALLOUT_LOCK is s = splsched() (splhigh here), CALLOUT_UNLOCK splx(s):
# the handler starts at softclock's level, PR#20390's window.
	.globl	race_dispatch_none
	.align	3
race_dispatch_none:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	br	$27, 1f			# pv = the address of the ldgp
1:	ldgp	$gp, 0($27)
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise		# CALLOUT_LOCK(s)
	mov	$0, $9			# s0 = s
	ldah	$2, callout_flags($gp)	!gprelhigh
	ldl	$3, callout_flags($2)	!gprellow
	and	$3, PENDING, $4
	beq	$4, 2f			# nothing due
	bic	$3, PENDING, $3
	bis	$3, FIRED, $3
	stl	$3, callout_flags($2)	!gprellow
	mov	$9, $16
	bsr	$26, splx		# CALLOUT_UNLOCK(s)
	bsr	$26, tcp_timer		# (*func)(arg)
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise		# CALLOUT_LOCK(s)
	mov	$0, $9
2:	mov	$9, $16
	bsr	$26, splx		# CALLOUT_UNLOCK(s)
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	mov	$31, $0			# return 0
	ret	$31, ($26), 1

# int race_dispatch_spllower(void): fix 1 of PR#20390 (tech-kern,
# 2003-07-18): each callout carries its IPL (co_ipl); the dispatcher drops
# the lock with spllower(co_ipl) straight to that IPL and restores with
# splx(s) after the handler, refusing a callout above the lock level.
	.globl	race_dispatch_spllower
	.align	3
race_dispatch_spllower:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	stq	$10, 16($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise		# s = lock
	mov	$0, $9			# s0 = s
	ldah	$2, callout_flags($gp)	!gprelhigh
	ldl	$3, callout_flags($2)	!gprellow
	and	$3, PENDING, $4
	beq	$4, 3f			# nothing due
	bic	$3, PENDING, $3
	bis	$3, FIRED, $3
	stl	$3, callout_flags($2)	!gprellow
	ldah	$2, callout_ipl($gp)	!gprelhigh
	ldl	$10, callout_ipl($2)	!gprellow	# s1 = co_ipl
	mov	$10, $16
	lda	$17, SPL_HIGH($31)
	bsr	$26, ipl_le		# co_ipl at or below the lock level?
	bne	$0, 2f
	ldah	$2, race_refused($gp)	!gprelhigh	# no: refuse it, run nothing
	lda	$3, 1($31)
	stl	$3, race_refused($2)	!gprellow
	br	$31, 3f
2:	mov	$10, $16
	bsr	$26, spllower		# unlock to the callout's own IPL
	bsr	$26, tcp_timer		# (*func)(arg)
3:	mov	$9, $16
	bsr	$26, splx		# back to softclock's level
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	ldq	$10, 16($sp)
	lda	$sp, 32($sp)
	mov	$31, $0
	ret	$31, ($26), 1

# int race_dispatch_ack(void): fix 2, NetBSD's workaround (sys/callout.h,
# mid-2003: CALLOUT_INVOKING, callout_invoking(), callout_ack()): softclock
# marks the callout INVOKING as it fires it; network input that stops it
# meanwhile sees that from callout_stop() and leaves the owner to the
# handler, which checks INVOKING under splsoftnet.
	.globl	race_dispatch_ack
	.align	3
race_dispatch_ack:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	ldah	$2, netinput_ack($gp)	!gprelhigh
	lda	$3, 1($31)
	stl	$3, netinput_ack($2)	!gprellow	# input heeds callout_stop()
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise		# CALLOUT_LOCK(s)
	mov	$0, $9
	ldah	$2, callout_flags($gp)	!gprelhigh
	ldl	$3, callout_flags($2)	!gprellow
	and	$3, PENDING, $4
	beq	$4, 2f
	bic	$3, PENDING, $3
	bis	$3, FIRED | INVOKING, $3
	stl	$3, callout_flags($2)	!gprellow
	mov	$9, $16
	bsr	$26, splx		# CALLOUT_UNLOCK(s)
	bsr	$26, tcp_timer_ack	# (*func)(arg)
	lda	$16, SPL_HIGH($31)
	bsr	$26, splraise		# CALLOUT_LOCK(s)
	mov	$0, $9
2:	mov	$9, $16
	bsr	$26, splx		# CALLOUT_UNLOCK(s)
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	mov	$31, $0
	ret	$31, ($26), 1

# int tcp_timer(void): a TCP timer of tcp_timer.c 1.55
# (tcp_timer_rexmt ...): s = splsoftnet(); ... use the tcpcb ...; splx(s).
	.globl	tcp_timer, race_touch
	.align	3
tcp_timer:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$16, SPL_SOFTNET($31)
	bsr	$26, splraise		# s = splsoftnet()
	mov	$0, $9
race_touch:
	ldah	$2, owner_freed($gp)	!gprelhigh	# the timer uses its tcpcb:
	ldl	$3, owner_freed($2)	!gprellow
	beq	$3, 2f			# not freed: nothing stale
	ldah	$2, race_stale($gp)	!gprelhigh	# freed: a stale touch
	lda	$3, 1($31)
	stl	$3, race_stale($2)	!gprellow
2:	ldah	$2, owner_refs($gp)	!gprelhigh
	ldl	$3, owner_refs($2)	!gprellow
	addl	$3, 1, $3
	stl	$3, owner_refs($2)	!gprellow	# owner_refs += 1
	mov	$9, $16
	bsr	$26, splx
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	mov	$31, $0
	ret	$31, ($26), 1

# int tcp_timer_ack(void): the same timer after the workaround:
# s = splsoftnet(); if (!callout_invoking(c)) { splx(s); return; }
# callout_ack(c); ... use the tcpcb ...; splx(s).
	.globl	tcp_timer_ack, race_touch_ack
	.align	3
tcp_timer_ack:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$16, SPL_SOFTNET($31)
	bsr	$26, splraise		# s = splsoftnet()
	mov	$0, $9
	ldah	$2, callout_flags($gp)	!gprelhigh
	ldl	$3, callout_flags($2)	!gprellow
	and	$3, INVOKING, $4
	beq	$4, 3f			# stopped meanwhile: leave the owner alone
	bic	$3, INVOKING, $3
	stl	$3, callout_flags($2)	!gprellow	# callout_ack(c)
race_touch_ack:
	ldah	$2, owner_freed($gp)	!gprelhigh	# the timer uses its tcpcb:
	ldl	$3, owner_freed($2)	!gprellow
	beq	$3, 2f			# not freed: nothing stale
	ldah	$2, race_stale($gp)	!gprelhigh	# freed: a stale touch
	lda	$3, 1($31)
	stl	$3, race_stale($2)	!gprellow
2:	ldah	$2, owner_refs($gp)	!gprelhigh
	ldl	$3, owner_refs($2)	!gprellow
	addl	$3, 1, $3
	stl	$3, owner_refs($2)	!gprellow	# owner_refs += 1
3:	mov	$9, $16
	bsr	$26, splx
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	mov	$31, $0
	ret	$31, ($26), 1

# void handler_softnet(void): network input (ipintr -> tcp_input) that
# closes the connection: callout_stop() on the timer, then frees the
# tcpcb, unless (fix 2) callout_stop() said the handler is already
# invoking, in which case the handler is left to do it.  Overrides the
# weak counting handler of intr.S; runs with the stub's gp; uses t0, t1
# and a0 only (the stub saves t0/t1, PALcode a0).
	.globl	handler_softnet
	.align	3
handler_softnet:
	ldah	$1, count_softnet($gp)	!gprelhigh	# count the run (a quadword,
	ldq	$2, count_softnet($1)	!gprellow	# as intr.S's handlers do)
	addq	$2, 1, $2
	stq	$2, count_softnet($1)	!gprellow
	ldah	$1, callout_flags($gp)	!gprelhigh	# callout_stop(c):
	ldl	$16, callout_flags($1)	!gprellow	#   was = flags
	bic	$16, PENDING, $2
	stl	$2, callout_flags($1)	!gprellow	#   flags &= ~PENDING
	ldah	$1, netinput_ack($gp)	!gprelhigh
	ldl	$2, netinput_ack($1)	!gprellow
	beq	$2, 1f			# input ignores what callout_stop says
	and	$16, INVOKING, $2
	beq	$2, 1f			# not invoking: free the owner
	ldah	$1, owner_free_deferred($gp)	!gprelhigh	# invoking: the
	lda	$2, 1($31)					# handler frees it
	stl	$2, owner_free_deferred($1)	!gprellow
	ret	$31, ($26), 1
1:	ldah	$1, owner_freed($gp)	!gprelhigh
	lda	$2, 1($31)
	stl	$2, owner_freed($1)	!gprellow
	ret	$31, ($26), 1

# int ipl_le(int a, int b): 1 if spl value a is at or below b, else 0:
# the numeric compare of the PS<IPL> field (bits 2:0) that `iplemu compare`
# derives for alpha.  A leaf; a0, a1 in, v0 out.
	.globl	ipl_le
	.align	3
ipl_le:
	and	$16, 7, $16
	and	$17, 7, $17
	cmpule	$16, $17, $0
	ret	$31, ($26), 1
