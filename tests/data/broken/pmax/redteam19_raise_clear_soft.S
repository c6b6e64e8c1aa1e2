/* BROKEN (red team 19 a, F1 on MIPS): _splraise that also writes 0 to
   Cause, "cancelling" the soft interrupts on the theory that the raised
   IM blocks them anyway.  Cause IP1..0 are the software interrupt
   requests and writable (IDT R30xx Family Software Reference Manual,
   "Exception Management", Cause register): a request posted while IM
   masked its line stays pending there, and writing 0 cancels it
   (NetBSD's _clrsoftintr acknowledges a soft interrupt so, in its own
   handler).  A softclock or softnet request waiting at the call is gone:
   its handler never runs, even where the raised IM blocks it (no_lost
   does not ask).  served_once fails: "software withdrew its request in
   the CPU before the CPU took it". */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_splraise_clrsoft
	.ent	rt_splraise_clrsoft
rt_splraise_clrsoft:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	mtc0	$zero, $13		/* BUG: cancels both soft requests */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splraise_clrsoft
