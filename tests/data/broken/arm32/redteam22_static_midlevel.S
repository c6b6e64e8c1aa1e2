/*
 * red team 22 a: the arm32 twin of i386_static_midlevel.S: _splraise(ipl)
 * keeping the old mask in a static word on the path of IPL_NET (5) ..
 * IPL_AUDIO (9) only.  softclock's handler is re-entered with IPL_HIGH,
 * IPL_SOFTCLOCK and the next target above (emu/reenter.py raise_targets),
 * statclock's with IPL_HIGH, IPL_STATCLOCK and the next above: none takes the
 * static path.  A softclock callout doing s = spltty() (NetBSD tty.c
 * ttrstrt) or splnet() between the store and the reload overwrites it.
 */
	.include "port.inc"
	.data
	.align	2
rt_tmp:	.word	0
	.text
	.globl	rt_splraise_mid
rt_splraise_mid:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	cmp	r0, #5
	blt	1f
	cmp	r0, #9
	bgt	1f
	ldr	r3, =rt_tmp
	ldr	r0, [r2]
	str	r0, [r3]		/* static temporary */
	orr	r1, r1, r0
	str	r1, [r2]
	ldr	r0, [r3]
	mov	pc, lr
1:	ldr	r0, [r2]		/* registers only */
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
