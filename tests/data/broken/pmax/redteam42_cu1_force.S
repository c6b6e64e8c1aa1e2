/* BROKEN (expected: preserves).  _splraise computing the new Status with
   andi (a 16-bit immediate: it clears Status 31:16, the coprocessor
   usability bits with them) and "fixing" the lost FPU bit by OR-ing
   MIPS_SR_COP_1_BIT back in.  From a caller running with CU1 = 1 (proc0,
   cpu.reset) it changes nothing; from one running with CU1 = 0 -- NetBSD's
   idle loop writes Status = MIPS_INT_MASK | MIPS_SR_INT_IE (mips locore.S;
   archs/pmax.yaml cpu.source: "both occur") -- it turns the FPU on behind
   the lazy-FPU code's back (abi.state: Status 31:16 must be kept). */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_cu1
	.ent	rt_raise_cu1
rt_raise_cu1:
	mfc0	$v0, $12
	andi	$a0, $a0, 0xff00
	nor	$a0, $a0, $zero
	andi	$t0, $v0, 0xffff	/* BUG: Status 31:16 dropped ... */
	and	$t0, $t0, $a0
	lui	$t1, 0x2000		/* ... and CU1 forced back on */
	or	$t0, $t0, $t1
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_raise_cu1
