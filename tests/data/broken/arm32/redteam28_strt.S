/* BROKEN: footbridge _splraise(ipl) whose store of current_spl_level is a
   STRT (store with user-mode permissions: a copyout idiom pasted in).
   The kernel's data is mapped kernel-only (NetBSD arm32 pmap: AP_KRW for
   kernel pages), so the store takes a data abort on the real CPU.
   Expected: no_fault, or no verdict (the MMU is not modelled). */
	.include "port.inc"
	.text
	.globl	rt_raise_strt
rt_raise_strt:
	ldr	r1, =footbridge_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	strt	r1, [r2]		/* WRONG: user-mode store */
	mov	pc, lr
