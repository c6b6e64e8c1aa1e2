/*
 * BROKEN (exact should fail): the arm32 twin of
 * i386_splx_static_midfrom.S.  splx(mask) that, when it lowers FROM a
 * device level (the old level blocks the disk or the ether, not the
 * clock: IPL_BIO .. IPL_AUDIO), keeps the target in a static word after
 * storing it, and after the replay stores current_spl_level again from
 * that word.  A disk handler's s = splbio(); ...; splx(s) (every NetBSD
 * driver's) lowers FROM IPL_BIO inside that window and overwrites the
 * word: the outer splx ends at IPL_BIO.  From other levels: the port's.
 */
	.include "port.inc"
	.data
	.align	2
splx_target:	.word	0
	.text
	.globl	rt_splx_mid
rt_splx_mid:
	ldr	r1, =current_spl_level
	ldr	r2, [r1]
	tst	r2, #(1 << SRC_CLOCK_BIT)
	bne	splx				/* blocks the clock: the port's */
	tst	r2, #((1 << SRC_DISK_BIT) | (1 << SRC_ETHER_BIT))
	beq	splx				/* soft levels only: the port's */
	stmfd	sp!, {r4, lr}
	str	r0, [r1]
	ldr	r4, =splx_target
	str	r0, [r4]			/* the static, after the lowering */
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	blne	footbridge_do_pending
	ldr	r0, [r4]
	ldr	r1, =current_spl_level
	str	r0, [r1]			/* re-assert ours */
	ldmfd	sp!, {r4, pc}
	.ltorg
