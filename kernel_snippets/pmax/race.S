/*
 * The PR#20390 callout race on pmax (MIPS I) (contract:
 * kernel_snippets/RACE.md).
 *
 * Models NetBSD sys/kern/kern_timeout.c 1.7 softclock() (CALLOUT_LOCK(s)
 * = s = splsched(), splhigh here; CALLOUT_UNLOCK(s) = splx(s)), the two
 * fixes proposed on tech-kern in 2003, and a TCP timer as in
 * sys/netinet/tcp_timer.c 1.55 (s = splsoftnet()).  On mips the raise
 * takes the IM bits to clear (splhigh = _splraise(MIPS_INT_MASK),
 * splsoftnet = _splraise(SOFT_0|SOFT_1)) and returns the old Status IM|IE,
 * which splx = _splset takes back.  callout_ipl holds the callout's spl
 * value (a Status image, RACE.md), so fix 1's spllower to it is
 * _splset(co_ipl).  o32: s0 kept, t0-t9 scratch, `.set noreorder'.
 */
	.include "port.inc"

	.equ	CO_PENDING,  2			/* callout_flags bits */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4
	.equ	INT_MASK, 0xff00		/* MIPS_INT_MASK */
	.equ	SOFT_MASKS, 0x0300		/* MIPS_SOFT_INT_MASK_0 | _1 */

	.data
	.align	2
	.globl	callout_flags, callout_ipl, owner_freed, owner_free_deferred
	.globl	owner_refs, race_stale, race_refused, netinput_ack
callout_flags:		.word	CO_PENDING	/* one due callout */
callout_ipl:		.word	SPL_SOFTNET	/* its registered IPL (fix 1: co_ipl) */
owner_freed:		.word	0
owner_free_deferred:	.word	0
owner_refs:		.word	0
race_stale:		.word	0
race_refused:		.word	0
netinput_ack:		.word	0

	.set	noreorder
	.text
/* The timer's use of its owner (the tcpcb): stale if it was freed. */
	.macro	TOUCH_OWNER
	lw	$t0, owner_freed
	nop				/* MIPS I load delay slot */
	beq	$t0, $zero, 9f
	li	$t1, 1
	sw	$t1, race_stale
9:	lw	$t0, owner_refs
	nop				/* MIPS I load delay slot */
	addiu	$t0, $t0, 1
	sw	$t0, owner_refs
	.endm

/* flags: clear PENDING, set \set */
	.macro	TAKE_CALLOUT set
	lw	$t0, callout_flags
	li	$t1, ~CO_PENDING
	and	$t0, $t0, $t1
	ori	$t0, $t0, \set
	sw	$t0, callout_flags
	.endm

/* int race_dispatch_none(void): kern_timeout.c 1.7 softclock(), one
   callout: lock, take it, CALLOUT_UNLOCK back to the entry level, call
   the handler, relock, unlock.  The window: unlock .. tcp_timer's raise. */
	.globl	race_dispatch_none
	.ent	race_dispatch_none
race_dispatch_none:
	addiu	$sp, $sp, -24
	sw	$ra, 20($sp)
	sw	$s0, 16($sp)
	jal	_splraise			/* CALLOUT_LOCK(s) */
	li	$a0, INT_MASK
	move	$s0, $v0			/* s */
	lw	$t0, callout_flags
	nop				/* MIPS I load delay slot */
	andi	$t0, $t0, CO_PENDING
	beq	$t0, $zero, 1f
	nop
	TAKE_CALLOUT CO_FIRED
	jal	_splset				/* CALLOUT_UNLOCK(s): back to softclock */
	move	$a0, $s0
	jal	tcp_timer			/* (*func)(arg) */
	nop
	jal	_splraise			/* CALLOUT_LOCK(s) */
	li	$a0, INT_MASK
	move	$s0, $v0
1:	jal	_splset				/* CALLOUT_UNLOCK(s) */
	move	$a0, $s0
	lw	$s0, 16($sp)
	lw	$ra, 20($sp)
	addiu	$sp, $sp, 24
	jr	$ra
	move	$v0, $zero
	.end	race_dispatch_none

/* int race_dispatch_spllower(void): fix 1 of the 2003 thread:
   s = splclock(); ...; spllower(co->co_ipl); (*func)(arg); splx(s);
   refusing a callout whose IPL is above the lock level (ipl_le). */
	.globl	race_dispatch_spllower
	.ent	race_dispatch_spllower
race_dispatch_spllower:
	addiu	$sp, $sp, -24
	sw	$ra, 20($sp)
	sw	$s0, 16($sp)
	jal	_splraise			/* lock */
	li	$a0, INT_MASK
	move	$s0, $v0			/* s */
	lw	$t0, callout_flags
	nop				/* MIPS I load delay slot */
	andi	$t0, $t0, CO_PENDING
	beq	$t0, $zero, 1f
	nop
	TAKE_CALLOUT CO_FIRED
	lw	$a0, callout_ipl
	jal	ipl_le				/* co_ipl <= lock level? */
	li	$a1, SPL_HIGH
	bne	$v0, $zero, 2f
	li	$t1, 1
	sw	$t1, race_refused		/* above the lock: refuse it */
	b	1f
	nop
2:	lw	$a0, callout_ipl
	jal	_splset				/* spllower(co_ipl): unlock only down to it */
	nop
	jal	tcp_timer
	nop
1:	jal	_splset				/* back to the entry level */
	move	$a0, $s0
	lw	$s0, 16($sp)
	lw	$ra, 20($sp)
	addiu	$sp, $sp, 24
	jr	$ra
	move	$v0, $zero
	.end	race_dispatch_spllower

/* int race_dispatch_ack(void): fix 2: network input honours what
   callout_stop() returns; the dispatcher marks the callout INVOKING
   (NetBSD's later CALLOUT_INVOKING) and the handler acknowledges it. */
	.globl	race_dispatch_ack
	.ent	race_dispatch_ack
race_dispatch_ack:
	addiu	$sp, $sp, -24
	sw	$ra, 20($sp)
	sw	$s0, 16($sp)
	li	$t0, 1
	sw	$t0, netinput_ack
	jal	_splraise			/* CALLOUT_LOCK(s) */
	li	$a0, INT_MASK
	move	$s0, $v0
	lw	$t0, callout_flags
	nop				/* MIPS I load delay slot */
	andi	$t0, $t0, CO_PENDING
	beq	$t0, $zero, 1f
	nop
	TAKE_CALLOUT (CO_FIRED | CO_INVOKING)
	jal	_splset				/* CALLOUT_UNLOCK(s) */
	move	$a0, $s0
	jal	tcp_timer_ack
	nop
	jal	_splraise			/* CALLOUT_LOCK(s) */
	li	$a0, INT_MASK
	move	$s0, $v0
1:	jal	_splset
	move	$a0, $s0
	lw	$s0, 16($sp)
	lw	$ra, 20($sp)
	addiu	$sp, $sp, 24
	jr	$ra
	move	$v0, $zero
	.end	race_dispatch_ack

/* int tcp_timer(void): tcp_timer.c 1.55: s = splsoftnet(); use the
   tcpcb; splx(s). */
	.globl	tcp_timer, race_touch
	.ent	tcp_timer
tcp_timer:
	addiu	$sp, $sp, -24
	sw	$ra, 20($sp)
	sw	$s0, 16($sp)
	jal	_splraise			/* s = splsoftnet() */
	li	$a0, SOFT_MASKS
	move	$s0, $v0
race_touch:
	TOUCH_OWNER
	jal	_splset				/* splx(s) */
	move	$a0, $s0
	lw	$s0, 16($sp)
	lw	$ra, 20($sp)
	addiu	$sp, $sp, 24
	jr	$ra
	move	$v0, $zero
	.end	tcp_timer

/* int tcp_timer_ack(void): the same timer under fix 2: give up if the
   callout was stopped meanwhile (INVOKING clear), else callout_ack(). */
	.globl	tcp_timer_ack, race_touch_ack
	.ent	tcp_timer_ack
tcp_timer_ack:
	addiu	$sp, $sp, -24
	sw	$ra, 20($sp)
	sw	$s0, 16($sp)
	jal	_splraise			/* s = splsoftnet() */
	li	$a0, SOFT_MASKS
	move	$s0, $v0
	lw	$t0, callout_flags
	nop				/* MIPS I load delay slot */
	andi	$t1, $t0, CO_INVOKING
	beq	$t1, $zero, 1f			/* stopped meanwhile */
	li	$t1, ~CO_INVOKING
	and	$t0, $t0, $t1
	sw	$t0, callout_flags		/* callout_ack() */
race_touch_ack:
	TOUCH_OWNER
1:	jal	_splset				/* splx(s) */
	move	$a0, $s0
	lw	$s0, 16($sp)
	lw	$ra, 20($sp)
	addiu	$sp, $sp, 24
	jr	$ra
	move	$v0, $zero
	.end	tcp_timer_ack

/* handler_softnet: network input (runs at IPL_SOFTNET from its stub):
   callout_stop() the timer, then free its owner, unless (fix 2) the
   handler is already invoking and will see the stop. */
	.globl	handler_softnet
	.ent	handler_softnet
handler_softnet:
	lw	$t0, count_softnet
	nop				/* MIPS I load delay slot */
	addiu	$t0, $t0, 1
	sw	$t0, count_softnet
	lw	$t2, callout_flags		/* was = flags */
	li	$t1, ~CO_PENDING
	and	$t1, $t2, $t1
	sw	$t1, callout_flags		/* callout_stop() */
	lw	$t0, netinput_ack
	nop				/* MIPS I load delay slot */
	beq	$t0, $zero, 1f
	andi	$t2, $t2, CO_INVOKING
	beq	$t2, $zero, 1f
	li	$t1, 1
	sw	$t1, owner_free_deferred	/* the handler frees it later */
	jr	$ra
	nop
1:	sw	$t1, owner_freed
	jr	$ra
	nop
	.end	handler_softnet

/* int ipl_le(int a, int b): 1 if spl value a blocks no more than b.  The
   spl values are Status images of the lines let through, so that is
   "a lets through every line b does": (b & ~a) == 0 over IM (iplemu
   compare's superset test). */
	.globl	ipl_le
	.ent	ipl_le
ipl_le:
	nor	$t0, $a0, $zero
	and	$t0, $a1, $t0
	andi	$t0, $t0, INT_MASK
	jr	$ra
	sltiu	$v0, $t0, 1
	.end	ipl_le
