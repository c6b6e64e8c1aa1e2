/* red team 20 B: pmax _spllower that memoises, per argument, the whole
   Status it wrote, and on a later call with the same argument writes that
   Status back instead of recomputing it from the current one.  The memo
   holds IEc (and the rest of Status) of the call that filled it: a call
   made with interrupts off (IEc = 0: abi.call_states "IEc 0", e.g. from
   hardclock inside dec_3100_intr, NetBSD dec_3100.c) after a call with
   interrupts on turns interrupts on behind its caller's back.  NetBSD's
   locore.S 1.163 _spllower keeps IEc (archs/pmax.yaml routines.spllower).
   One memo word per argument (index = IM bits of the argument), written
   in one store after its status word: interleaved calls leave consistent
   IM in it.  (Held before check ran the warm starts from each
   abi.call_states entry too: emu/starts.py.)  Correct twin below:
   rt_lower_memo_ok memoises the IM bits alone and merges them into the
   Status it finds. */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.set	noreorder
	.data
	.align	2
memo_st:	.space	1024	/* Status written, by (arg >> 8) & 0xff */
memo_ok:	.space	1024	/* 1: memo_st valid */
	.text
	.globl	rt_lower_memo
	.ent	rt_lower_memo
rt_lower_memo:
	srl	$t2, $a0, 8
	andi	$t2, $t2, 0xff
	sll	$t2, $t2, 2
	lui	$t1, %hi(memo_ok)
	addiu	$t1, $t1, %lo(memo_ok)
	addu	$t1, $t1, $t2
	lw	$t3, 0($t1)
	mfc0	$v0, $12
	beq	$t3, $zero, 1f
	nop
	lw	$t0, -1024($t1)		/* BUG: the memoised Status, IEc and all */
	nop
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
1:	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	nor	$t3, $a0, $zero
	andi	$t3, $t3, INT_MASK
	or	$t0, $t0, $t3
	sw	$t0, -1024($t1)
	li	$t3, 1
	sw	$t3, 0($t1)
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_lower_memo

/* Correct: memoises the IM bits alone and writes them into the Status
   the call finds (IEc and the rest kept). */
	.data
	.align	2
memo_im:	.space	1024	/* IM bits, by (arg >> 8) & 0xff */
memo_imok:	.space	1024	/* 1: memo_im valid */
	.text
	.globl	rt_lower_memo_ok
	.ent	rt_lower_memo_ok
rt_lower_memo_ok:
	srl	$t2, $a0, 8
	andi	$t2, $t2, 0xff
	sll	$t2, $t2, 2
	lui	$t1, %hi(memo_imok)
	addiu	$t1, $t1, %lo(memo_imok)
	addu	$t1, $t1, $t2
	lw	$t3, 0($t1)
	mfc0	$v0, $12
	beq	$t3, $zero, 1f
	nop
	lw	$t3, -1024($t1)		/* the memoised IM bits */
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	or	$t0, $t0, $t3
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
1:	nor	$t3, $a0, $zero
	andi	$t3, $t3, INT_MASK
	sw	$t3, -1024($t1)
	li	$t0, 1
	sw	$t0, 0($t1)
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	or	$t0, $t0, $t3
	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_lower_memo_ok
