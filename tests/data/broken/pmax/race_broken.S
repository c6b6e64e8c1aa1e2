/* Deliberately broken PR#20390 dispatchers for pmax (test data), linked
   with kernel_snippets/pmax/race.S, whose symbols they use.  Each must
   let `race_stale` become 1 for some softnet injection. */
	.include "port.inc"

	.equ	CO_PENDING,  2			/* as in race.S */
	.equ	CO_INVOKING, 8
	.equ	CO_FIRED,    4
	.equ	INT_MASK, 0xff00

	.set	noreorder
	.text
/* Fix 1 done wrong: race_dispatch_spllower, but it unlocks with splx(s),
   back to the entry level, instead of to callout_ipl: the window of
   kern_timeout.c 1.7 softclock() is open again. */
	.globl	race_dispatch_spllower_splx
	.ent	race_dispatch_spllower_splx
race_dispatch_spllower_splx:
	addiu	$sp, $sp, -40
	sw	$ra, 36($sp)
	sw	$s0, 32($sp)
	jal	_splraise			/* lock */
	li	$a0, INT_MASK
	move	$s0, $v0			/* s */
	lw	$t0, callout_flags
	nop				/* MIPS I load delay slot */
	andi	$t1, $t0, CO_PENDING
	beq	$t1, $zero, 1f
	li	$t1, ~CO_PENDING
	and	$t0, $t0, $t1
	ori	$t0, $t0, CO_FIRED
	sw	$t0, callout_flags
	lw	$a0, callout_ipl
	jal	ipl_le
	li	$a1, SPL_HIGH
	bne	$v0, $zero, 2f
	li	$t1, 1
	sw	$t1, race_refused
	b	1f
	nop
2:	jal	_splset				/* WRONG: should lower to callout_ipl */
	move	$a0, $s0
	jal	tcp_timer
	nop
1:	jal	_splset
	move	$a0, $s0
	lw	$s0, 32($sp)
	lw	$ra, 36($sp)
	addiu	$sp, $sp, 40
	jr	$ra
	move	$v0, $zero
	.end	race_dispatch_spllower_splx

/* Fix 2 without the check: race_dispatch_ack, but network input ignores
   what callout_stop() returns (netinput_ack = 0) and frees the owner
   while the handler is invoking. */
	.globl	race_dispatch_ack_nocheck
	.ent	race_dispatch_ack_nocheck
race_dispatch_ack_nocheck:
	addiu	$sp, $sp, -40
	sw	$ra, 36($sp)
	sw	$s0, 32($sp)
	sw	$zero, netinput_ack		/* WRONG: callout_stop()'s answer ignored */
	jal	_splraise
	li	$a0, INT_MASK
	move	$s0, $v0
	lw	$t0, callout_flags
	nop				/* MIPS I load delay slot */
	andi	$t1, $t0, CO_PENDING
	beq	$t1, $zero, 1f
	li	$t1, ~CO_PENDING
	and	$t0, $t0, $t1
	ori	$t0, $t0, CO_FIRED | CO_INVOKING
	sw	$t0, callout_flags
	jal	_splset
	move	$a0, $s0
	jal	tcp_timer_ack
	nop
	jal	_splraise
	li	$a0, INT_MASK
	move	$s0, $v0
1:	jal	_splset
	move	$a0, $s0
	lw	$s0, 32($sp)
	lw	$ra, 36($sp)
	addiu	$sp, $sp, 40
	jr	$ra
	move	$v0, $zero
	.end	race_dispatch_ack_nocheck
