/* splraise keeping the old level in a static temporary instead of a
   register (red team 17 F1, written for arm32).  BUG: not re-entrant: an
   interrupt between the store and the reload whose handler calls splraise
   (every NetBSD driver handler does s = splXXX(); ...; splx(s))
   overwrites saved_spl, so this call returns the handler's level.  It
   takes an spl mask, as `check --routine` calls a routine of the user's. */
	.include "port.inc"
	.data
	.align	2
saved_spl:
	.word	0
	.text
	.globl	splraise_static
splraise_static:
	ldr	r2, =current_spl_level
	ldr	r1, [r2]
	ldr	r3, =saved_spl
	str	r1, [r3]			/* the old level, in a static */
	orr	r1, r1, r0
	str	r1, [r2]
	ldr	r0, [r3]			/* reloaded: another call may have changed it */
	mov	pc, lr
	.ltorg
