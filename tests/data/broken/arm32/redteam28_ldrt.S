/* BROKEN: footbridge _splraise(ipl) that loads the level with LDRT (user
   permissions on kernel-only data: a data abort).  Expected: fails or
   no verdict (as F4). */
	.include "port.inc"
	.text
	.globl	rt_raise_ldrt
rt_raise_ldrt:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldrt	r0, [r2]		/* WRONG */
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
