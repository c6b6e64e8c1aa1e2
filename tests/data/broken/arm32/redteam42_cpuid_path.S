/* BROKEN on the SA-110 (the footbridge's CPU, archs/arm32.yaml): _splraise
   with a path chosen by the CP15 ID register (as NetBSD/arm chooses by
   cputype); the path for an SA-110 (ID 0x4401A10x) forgets to store. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	mrc	p15, 0, r3, c0, c0, 0	/* CP15 ID */
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	ldr	ip, =0xfffffff0
	and	r3, r3, ip
	ldr	ip, =0x4401a100
	cmp	r3, ip
	strne	r1, [r2]		/* BUG: an SA-110 never raises */
	mov	pc, lr
