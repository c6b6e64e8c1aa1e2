/* BROKEN (red team 17 F1, /work/redteam17/arm32/a5_imask_vm_typo.S):
   _splraise(ipl) with its own copy of footbridge_imask in which the IPL_VM
   row (8) misses the softserial bit (21): splvm() lets softserial in.
   IPL_VM shares IPL_SOFTSERIAL's mask, so it held while check passed one
   IPL per distinct priority; it fails exact (and no_window) once every
   IPL_* number is a target. */
	.include "port.inc"
	.data
	.align 2
my_imask:
	.word	SPL_NONE, SPL_SOFT, SPL_SOFTCLOCK, SPL_SOFTNET, SPL_BIO, SPL_NET
	.word	SPL_SOFTSERIAL, SPL_TTY, (SPL_VM & ~(1 << 21)), SPL_AUDIO, SPL_CLOCK
	.word	SPL_STATCLOCK, SPL_HIGH, SPL_SERIAL
	.text
	.globl	rt_splraise
rt_splraise:
	ldr	r1, =my_imask
	ldr	r1, [r1, r0, lsl #2]
	ldr	r2, =current_spl_level
	ldr	r0, [r2]
	orr	r1, r1, r0
	str	r1, [r2]
	mov	pc, lr
