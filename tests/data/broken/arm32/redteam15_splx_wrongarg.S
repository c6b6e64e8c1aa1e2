/* BROKEN: splx whose "nothing pending" shortcut tests r1 (undefined: only
   r0 is passed) instead of the pending word it meant to load into r1 --
   the load was dropped in an edit.  Whenever the caller's r1 is 0 no
   pending source is replayed.  Truth: defined_only (and no_lost) should
   fail. */
	.include "port.inc"
	.text
	.globl	rt_splx_wrongarg
rt_splx_wrongarg:
	ldr	r2, =current_spl_level
	str	r0, [r2]
	cmp	r1, #0			/* BUG: r1 never loaded */
	moveq	pc, lr
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	b	footbridge_do_pending
	.ltorg
