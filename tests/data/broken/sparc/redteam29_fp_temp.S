! BROKEN: spllower that keeps the old PSR at [%fp], the caller's register
! save area (its %l0 slot), not its own frame: after a window spill of the
! caller (an interrupt whose handler calls deep) the caller's %l0 comes
! back as the old PSR: preserves.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower_fp
rt_lower_fp:
	save	%sp, -96, %sp
	rd	%psr, %l0
	st	%l0, [%fp]
	and	%i0, PSR_PIL, %l1
	andn	%l0, PSR_PIL, %l2
	wr	%l2, %l1, %psr
	nop
	nop
	nop
	ld	[%fp], %l0
	and	%l0, PSR_PIL, %i0
	ret
	 restore
