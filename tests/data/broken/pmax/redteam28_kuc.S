/* BROKEN: splraise that sets Status kuc while it writes the new IM, with
   IEc on, and clears it again two instructions later.  KUc (bit 1): user mode; the very next fetch (kseg0 kernel text) is an address error, and the mtc0 that should clear it is a coprocessor-unusable trap (CU0 = 0). */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_raise_kuc
	.ent	rt_raise_kuc
rt_raise_kuc:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	ori	$t1, $t0, 0x2
	mtc0	$t1, $12		/* new IM, with the bit set */
	nop
	nop
	mtc0	$t0, $12		/* the bit clear again */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_raise_kuc
