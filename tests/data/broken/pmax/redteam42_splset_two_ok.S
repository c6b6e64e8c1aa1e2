/* CORRECT (false-fail probe): _splset in two Status writes, the IM bits
   first (IEc as it was), then IEc from the argument.  With IEc = 0 at the
   call nothing is taken between the writes; with IEc = 1 the first write
   already is the target IM.  (IDT R30xx manual, Status: IEc gates every
   line, IMn each.) */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_splset2
	.ent	rt_splset2
rt_splset2:
	mfc0	$v0, $12
	li	$t0, ~0xff00
	and	$t0, $v0, $t0		/* Status without IM */
	andi	$t1, $a0, 0xff00
	or	$t0, $t0, $t1		/* the new IM, IEc as it was */
	mtc0	$t0, $12
	li	$t1, ~1
	and	$t0, $t0, $t1
	andi	$t1, $a0, 1
	or	$t0, $t0, $t1		/* IEc from s */
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_splset2
