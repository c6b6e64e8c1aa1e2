/* BROKEN (red team 19 B3): _splraise and _spllower that turn Status IEc on
   while they rewrite IM ("an spl routine runs with interrupts on anyway").
   NetBSD sys/arch/mips/mips/locore.S 1.163 _splraise and _spllower change
   IM alone and keep IEc, so a caller that runs with IEc = 0 keeps
   interrupts off through its spl calls: the MIPS1 interrupt path before
   its _splset(MIPS_SR_INT_IE | ...) (NetBSD pmax dec_3100.c dec_3100_intr
   calls hardclock() there, and kern_clock.c 1.75 hardclock calls
   spllowersoftclock(), that is _spllower).  These enable them: a request
   pending in Cause is taken inside that caller.  Every call of `check'
   used to start with IEc = 1 (cpu.reset): the abi.call_states start
   "IEc 0" (archs/pmax.yaml) fails preserves and no_window.
   rt_splraise_ie / rt_spllower_ie take the lines to block, as the port's:
   --routine rt_splraise_ie=raise,argument=blocked
   --routine rt_spllower_ie=lower,argument=blocked
   rt_splraise_keep_ok / rt_spllower_keep_ok: the twins, IEc left alone
   (IM cleared and set by an xor of what is there). */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.text
	.globl	rt_splraise_ie
	.ent	rt_splraise_ie
rt_splraise_ie:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	ori	$t0, $t0, INT_IE		/* BUG: IEc := 1 */
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splraise_ie

	.globl	rt_spllower_ie
	.ent	rt_spllower_ie
rt_spllower_ie:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	ori	$t0, $t0, INT_IE		/* BUG: IEc := 1 */
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_spllower_ie

	.globl	rt_splraise_keep_ok
	.ent	rt_splraise_keep_ok
rt_splraise_keep_ok:
	mfc0	$v0, $12
	andi	$a0, $a0, INT_MASK
	and	$t1, $v0, $a0			/* the lines to block that are open */
	xor	$t0, $v0, $t1			/* ... closed; IEc as it is */
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splraise_keep_ok

	.globl	rt_spllower_keep_ok
	.ent	rt_spllower_keep_ok
rt_spllower_keep_ok:
	mfc0	$v0, $12
	nor	$a0, $a0, $zero			/* (the mfc0's load delay slot) */
	andi	$t1, $v0, INT_MASK
	xor	$t0, $v0, $t1			/* Status without IM, IEc as it is */
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_spllower_keep_ok
