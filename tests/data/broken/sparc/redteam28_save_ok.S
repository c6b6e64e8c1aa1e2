! CORRECT (unusual style): spllower as a non-leaf routine with its own
! register window: save / ... / ret; restore, computing in %l registers
! of its own window and handing the result back through the restore.
! Expect: every property holds.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower_save
rt_lower_save:
	save	%sp, -96, %sp
	rd	%psr, %l1
	and	%i0, PSR_PIL, %l0
	and	%l1, PSR_PIL, %l2
	andn	%l1, PSR_PIL, %l1
	wr	%l1, %l0, %psr
	nop
	nop
	nop
	ret
	 restore %l2, %g0, %o0		! caller's %o0 := our %l2
