/* BROKEN: splraise that clears EntryHi (CP0 $10) "to be safe": EntryHi's
   ASID is the current process's address-space id; 0 switches user
   mappings to another address space's.  --routine rt_raise_ehi=raise,argument=blocked */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_raise_ehi
	.ent	rt_raise_ehi
rt_raise_ehi:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	mtc0	$zero, $10		/* WRONG: EntryHi := 0 */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_raise_ehi
