/* BROKEN (red team 19 B): _spllower keeping the old Status in a static
   word between its mfc0 and its return, instead of in v0.  Not re-entrant:
   NetBSD's hardclock() (sys/kern/kern_clock.c 1.75) calls
   spllowersoftclock() from the clock interrupt when CLKF_BASEPRI(frame),
   and on pmax spllowersoftclock() is _spllower(MIPS_SOFT_INT_MASK_0)
   (pmax intr.h 1.23.6.2, as archs/pmax.yaml cites).  A clock interrupt
   between the store and the reload overwrites saved_sr, and this call
   returns the handler's Status: the caller's splx(s) then restores the
   clock handler's mask.  Takes the lines to block, as the port's:
   --routine rt_spllower_static=lower,argument=blocked */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.data
	.align	2
saved_sr:	.word	0
	.text
	.globl	rt_spllower_static
	.ent	rt_spllower_static
rt_spllower_static:
	mfc0	$t1, $12
	lui	$t2, %hi(saved_sr)
	sw	$t1, %lo(saved_sr)($t2)		/* BUG: the old Status in a static */
	li	$t0, ~INT_MASK
	and	$t0, $t1, $t0
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	nop
	lw	$v0, %lo(saved_sr)($t2)		/* reloaded after the write */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE	/* (slot: the second instruction after the lw) */
	.end	rt_spllower_static
