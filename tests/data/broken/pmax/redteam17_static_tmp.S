/* _splraise keeping the old Status in a static temporary instead of a
   register (red team 17 F1, written for pmax).  BUG: not re-entrant: an
   interrupt between the store and the reload whose handler calls
   _splraise (every NetBSD driver handler does s = splXXX(); ...;
   splx(s)) overwrites saved_sr, so this call returns the handler's
   level.  It takes the lines to block, as the port's _splraise:
   --routine splraise_static=raise,argument=blocked. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.data
	.align	2
saved_sr:
	.word	0
	.text
	.globl	splraise_static
	.ent	splraise_static
splraise_static:
	mfc0	$v0, $12
	lui	$t1, %hi(saved_sr)
	sw	$v0, %lo(saved_sr)($t1)		/* the old Status, in a static */
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero			/* the bits to keep */
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	lw	$v0, %lo(saved_sr)($t1)		/* reloaded: another call may have changed it */
	nop					/* MIPS I load delay slot */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	splraise_static
