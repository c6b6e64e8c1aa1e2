/* BROKEN (red team 19 B3): _splset that restores IM from its argument but
   sets IEc := 1 whatever the argument says.  NetBSD sys/arch/mips/mips/
   locore.S 1.163 _splset writes IM and IEc from the argument (and
   (MIPS_INT_MASK | MIPS_SR_INT_IE)): s = splhigh() called with IEc = 0
   returns a value with IEc = 0, and splx(s) = _splset(s) must give that
   back.  This one turns interrupts on inside the caller's disabled
   section.  From the abi.call_states start "IEc 0" (archs/pmax.yaml) a
   restore routine is passed its spl value with IEc = 0 (the bit pmax's
   spl values carry): preserves and no_window fail.
   --routine rt_splset_ie=restore
   rt_splset_ok: the twin, IM and IEc both from the argument. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_splset_ie
	.ent	rt_splset_ie
rt_splset_ie:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	ori	$t0, $t0, INT_IE		/* BUG: IEc := 1, not s's IEc */
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splset_ie

	.globl	rt_splset_ok
	.ent	rt_splset_ok
rt_splset_ok:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK | INT_IE	/* the bits s gives */
	andi	$t1, $v0, INT_MASK | INT_IE
	xor	$t0, $v0, $t1			/* Status without them */
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splset_ok
