/* BROKEN (expected: no_window): _splset in two Status writes, IEc from the
   argument first, then the IM bits.  Called with IEc = 0 (the interrupt
   path before its _splset, NetBSD pmax dec_3100.c) and IM open, passing
   an spl value that masks lines, the CPU takes a masked line for one
   instruction between the writes: neither the caller's state (IEc = 0)
   nor the value it asked for lets that line in. */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_splset2
	.ent	rt_splset2
rt_splset2:
	mfc0	$v0, $12
	li	$t0, ~1
	and	$t0, $v0, $t0
	andi	$t1, $a0, 1
	or	$t0, $t0, $t1		/* IEc from s, IM as it was */
	mtc0	$t0, $12
	li	$t1, ~0xff00
	and	$t0, $t0, $t1
	andi	$t1, $a0, 0xff00
	or	$t0, $t0, $t1		/* the new IM */
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_splset2
