/* BROKEN (red team 19 B3, the catch of its hint): a _splraise that keeps
   Status IEc but returns the old IM with IE always set ("an spl value has
   IEc = 1", as every entry of the IPL table does).  NetBSD sys/arch/mips/
   mips/locore.S 1.163 _splraise returns Status & (MIPS_INT_MASK |
   MIPS_SR_INT_IE): called with IEc = 0 the value has IEc = 0, and the
   caller's splx(s) (_splset, which takes IEc from s) keeps interrupts
   off.  With this value splx(s) turns them on.  From the abi.call_states
   start "IEc 0" (archs/pmax.yaml) returns_previous asks the value's IEc as
   it was at the call.
   --routine rt_splraise_retie=raise,argument=blocked */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_splraise_retie
	.ent	rt_splraise_retie
rt_splraise_retie:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
	andi	$v0, $v0, INT_MASK
	jr	$ra
	ori	$v0, $v0, INT_IE		/* BUG: IE whatever IEc was */
	.end	rt_splraise_retie
