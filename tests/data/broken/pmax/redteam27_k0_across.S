/* BROKEN (expected: nesting / returns_previous or defined_only).
   _splraise(mask) keeping the old Status in k0 across the instruction
   boundaries between the mfc0 and the return.  k0/k1 belong to the
   exception code: an interrupt taken after the mfc0 (before the mtc0
   blocks it) overwrites k0, and the call returns garbage.
   --routine rt_raise_k0=raise,argument=blocked */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.set	noat
	.text
	.globl	rt_raise_k0
	.ent	rt_raise_k0
rt_raise_k0:
	mfc0	$k0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $k0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $k0, INT_MASK | INT_IE
	.end	rt_raise_k0
