/* BROKEN: splraise that sets Status swc while it writes the new IM, with
   IEc on, and clears it again two instructions later.  SwC (bit 17): the I- and D-caches swap roles; an interrupt in the window fetches the stub from the data cache. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_raise_swc
	.ent	rt_raise_swc
rt_raise_swc:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	lui	$t1, 0x2
	or	$t1, $t0, $t1
	mtc0	$t1, $12		/* new IM, with the bit set */
	nop
	nop
	mtc0	$t0, $12		/* the bit clear again */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_raise_swc
