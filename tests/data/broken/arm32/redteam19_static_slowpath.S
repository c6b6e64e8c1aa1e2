/* BROKEN (red team 19 A F6, held): i386/redteam19_static_slowpath.S on
   arm32: footbridge _splraise(ipl) with a fast path (the level already
   blocks footbridge_imask[ipl]: return it) and, on the path that really
   raises, the old level in a static temporary.  It held while only the
   statclock's handler re-entered, with _splraise(IPL_HIGH), whose mask
   is IPL_STATCLOCK's (archs/arm32.yaml): the fast path.  softclock's
   handler raises, as NetBSD's softclock() does (kern_clock.c 1.75
   CALLWHEEL_LOCK: s = splclock()).  rt_raise_slowpath_ok: the
   temporary in a register. */
	.include "port.inc"
	.data
	.align	2
saved_level:	.word	0
	.text
	.globl	rt_raise_slowstatic, rt_raise_slowpath_ok
rt_raise_slowstatic:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	cmp	r1, r0
	moveq	pc, lr			/* nothing to raise */
	ldr	r3, =saved_level
	str	r0, [r3]		/* BUG: static temporary */
	str	r1, [r2]
	ldr	r0, [r3]
	mov	pc, lr

rt_raise_slowpath_ok:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	cmp	r1, r0
	moveq	pc, lr			/* nothing to raise */
	str	r1, [r2]		/* the old level stays in r0 */
	mov	pc, lr
	.ltorg
