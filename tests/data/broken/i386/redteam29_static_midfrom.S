/*
 * BROKEN (exact should fail): splx(ncpl) that, when it lowers FROM a
 * device level (the old cpl blocks some hardware source but not the
 * clock: IPL_BIO .. IPL_AUDIO), keeps the target in a static word and,
 * after the replay, writes cpl again from that word ("a replayed handler
 * may have left cpl changed: put ours back").  From IPL_HIGH, the
 * clock's levels and the soft levels it is the port's splx.
 *
 * The static is written after cpl is lowered, so it is live while any
 * source ncpl lets in can interrupt.  Every NetBSD disk handler does
 * s = splbio(); ...; splx(s) (a callout at softclock does it too): that
 * inner splx lowers FROM IPL_BIO, takes the static path, and overwrites
 * the word with its own level; the outer splx then re-asserts the disk
 * handler's level and returns at IPL_BIO instead of ncpl (exact).
 * This is red team 22 A F5's static_midlevel for a restore routine: its
 * path is chosen by the level it lowers FROM, and the check's handlers
 * call a restore only after raising to IPL_HIGH or to their own IPL.
 */
	.include "port.inc"
	.data
	.align	4
splx_target:	.long	0
	.text
	.globl	rt_splx_mid
rt_splx_mid:
	movl	cpl, %eax
	testl	$(1 << SRC_CLOCK_BIT), %eax
	jnz	spllower		/* blocks the clock: the port's */
	testl	$0x0000fffe, %eax
	jz	spllower		/* soft levels only: the port's */
	movl	4(%esp), %edx
	movl	%edx, cpl
	movl	%edx, splx_target	/* the static, after the lowering */
	notl	%edx
	testl	%edx, ipending
	jz	1f
	call	Xspllower
1:	movl	splx_target, %edx
	movl	%edx, cpl		/* re-assert ours */
	ret
