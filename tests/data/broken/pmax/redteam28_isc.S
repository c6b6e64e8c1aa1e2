/* BROKEN: splraise that sets Status isc while it writes the new IM, with
   IEc on, and clears it again two instructions later.  IsC (bit 16): while set, loads and stores go to the data cache only (cache isolation); an interrupt taken in the window runs its stub and handler with memory isolated: the saved registers never reach memory. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_raise_isc
	.ent	rt_raise_isc
rt_raise_isc:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	lui	$t1, 0x1
	or	$t1, $t0, $t1
	mtc0	$t1, $12		/* new IM, with the bit set */
	nop
	nop
	mtc0	$t0, $12		/* the bit clear again */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_raise_isc
