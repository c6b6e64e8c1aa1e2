/* BROKEN: splraise that sets Status bev while it writes the new IM, with
   IEc on, and clears it again two instructions later.  BEV (bit 22): an interrupt taken in the window goes to the boot ROM's vector 0xbfc00180 (IDT R30xx manual, Status BEV), the PROM's handler, not the kernel's stub. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_raise_bev
	.ent	rt_raise_bev
rt_raise_bev:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	lui	$t1, 0x40
	or	$t1, $t0, $t1
	mtc0	$t1, $12		/* new IM, with the bit set */
	nop
	nop
	mtc0	$t0, $12		/* the bit clear again */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_raise_bev
