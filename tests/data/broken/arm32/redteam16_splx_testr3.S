/* BROKEN (decided before running): footbridge splx whose replay branch
   (reached only when something pending is unblocked) returns without
   replaying when r3 is 0: r3 is an argument register splx(int) is not
   passed, undefined at the call (APCS).  Meant r2 (pending & ~mask).
   Should fail defined_only (no_lost where r3 = 0). */
	.include "port.inc"
	.text
	.globl	rt_splx
rt_splx:
	ldr	r1, =current_spl_level
	str	r0, [r1]
	ldr	r2, =footbridge_ipending
	ldr	r2, [r2]
	bics	r2, r2, r0
	moveq	pc, lr
	cmp	r3, #0			/* BUG: meant r2 */
	moveq	pc, lr
	b	footbridge_do_pending
	.ltorg
