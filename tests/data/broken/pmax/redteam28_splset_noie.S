/* BROKEN: _splset that takes IM from s but keeps the current IEc instead
   of taking IEc from s (NetBSD locore.S 1.163 _splset: IM | IE := s).
   dec_3100_intr turns IE back on with _splset(MIPS_SR_INT_IE | ...) from
   IEc = 0: with this one interrupts stay off.  --routine rt_splset_noie=restore */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_splset_noie
	.ent	rt_splset_noie
rt_splset_noie:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK	/* WRONG: IE of s ignored */
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splset_noie
