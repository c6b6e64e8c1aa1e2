/* BROKEN (red team 39 A F1, held until session 39: the scratch registers a previous call left), pmax twin of sh3/redteam39_raise_r2early.S:
   _splraise that skips its mtc0 when the new Status (t0) equals the old
   one (v0), but the compare sits above the `and' that computes t0, so it
   reads the caller's t0 (scratch, undefined at a call).  This routine
   (like the port's) leaves t0 = the Status it wrote, so in
   `s = splbio(); t = splhigh();' with nothing touching t0 in between the
   second call finds t0 == Status and returns without masking a line. */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_t0
	.ent	rt_raise_t0
rt_raise_t0:
	mfc0	$v0, $12
	andi	$a0, $a0, 0xff00
	nor	$a0, $a0, $zero		/* the bits to keep */
	beq	$t0, $v0, 1f		/* BUG: t0 not computed yet */
	nop
	and	$t0, $v0, $a0
	mtc0	$t0, $12
1:	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_raise_t0
