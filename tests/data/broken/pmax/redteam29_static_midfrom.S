/*
 * BROKEN (exact should fail): the pmax twin of i386_splx_static_midfrom.S.
 * _splset(s) that, when it lowers FROM a device level (IM masks the disk
 * line INT0 but not the clock's INT3: IPL_BIO .. IPL_TTY), keeps s in a
 * static word after its Status write and writes Status IM | IE again from
 * that word before it returns ("make sure the level sticks").  A disk
 * handler's s = splbio(); ...; splx(s) lowers FROM IPL_BIO in that window
 * and overwrites the word: the outer splx ends at IPL_BIO.  The check's
 * handlers call a restore only after raising to IPL_HIGH or their own IPL.
 */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.equ	LINE_DISK, 0x0400		/* IM bit of INT0 (level 2) */
	.equ	LINE_CLOCK, 0x2000		/* IM bit of INT3 (level 5) */
	.set	noreorder
	.data
	.align	2
splset_target:	.word	0
	.text
	.globl	rt_splset_mid
	.ent	rt_splset_mid
rt_splset_mid:
	mfc0	$v0, $12
	li	$t0, ~(INT_MASK | INT_IE)
	and	$t0, $v0, $t0
	andi	$a0, $a0, INT_MASK | INT_IE
	or	$t0, $t0, $a0
	andi	$t2, $v0, LINE_CLOCK | LINE_DISK
	xori	$t2, $t2, LINE_CLOCK		/* clock enabled, disk masked? */
	bne	$t2, $zero, 2f
	nop
	mtc0	$t0, $12
	la	$t1, splset_target
	sw	$a0, 0($t1)			/* the static, after the write */
	nop
	lw	$a0, 0($t1)
	mfc0	$t0, $12
	li	$t3, ~(INT_MASK | INT_IE)
	and	$t0, $t0, $t3
	or	$t0, $t0, $a0
	mtc0	$t0, $12			/* re-assert ours */
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
2:	mtc0	$t0, $12
	jr	$ra
	andi	$v0, $v0, INT_MASK | INT_IE
	.end	rt_splset_mid
