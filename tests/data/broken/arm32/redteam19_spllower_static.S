/* BROKEN (red team 19 A F5, held): footbridge _spllower(ipl) keeping the
   old level in a static word across its call of splx.  Not re-entrant: a
   handler that calls it between the store and the reload overwrites
   saved_level, and this call returns the handler's old level instead of
   its caller's.  NetBSD's handlers call it: kern_clock.c 1.75 hardclock()
   runs "spllowersoftclock(); ... softclock(NULL);" when the clock
   interrupted base priority (CLKF_BASEPRI), and footbridge_intr.h 1.4 defines
   spllowersoftclock() as _spllower(IPL_SOFTCLOCK).  It held while check
   re-entered no lower routine taking an IPL number; the handlers now call
   s = _spllower(their own IPL); splx(s) (emu/reenter.py).
   rt_spllower_frame_ok is the twin keeping the old level in its own
   stack frame. */
	.include "port.inc"
	.data
	.align	2
saved_level:	.word	0
	.text
	.globl	rt_spllower_static, rt_spllower_frame_ok
rt_spllower_static:
	stmfd	sp!, {lr}
	sub	sp, sp, #4			/* keep sp 8-aligned */
	ldr	r1, =current_spl_level
	ldr	r2, [r1]
	ldr	r3, =saved_level
	str	r2, [r3]			/* BUG: static temporary */
	ldr	r1, =footbridge_imask
	ldr	r0, [r1, r0, lsl #2]
	bl	splx
	ldr	r3, =saved_level
	ldr	r0, [r3]
	add	sp, sp, #4
	ldmfd	sp!, {pc}

rt_spllower_frame_ok:
	stmfd	sp!, {lr}
	sub	sp, sp, #4			/* a word of its own, sp 8-aligned */
	ldr	r1, =current_spl_level
	ldr	r2, [r1]
	str	r2, [sp]			/* the old level, in its frame */
	ldr	r1, =footbridge_imask
	ldr	r0, [r1, r0, lsl #2]
	bl	splx
	ldr	r0, [sp]
	add	sp, sp, #4
	ldmfd	sp!, {pc}
	.ltorg
