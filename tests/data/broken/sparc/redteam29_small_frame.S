! BROKEN: spllower with its own window but a 32-byte frame: its 64-byte
! register save area at %sp covers the first 32 bytes of the caller's,
! the slots a window overflow stores the caller's %l0-%l7 in.  Once both
! windows are spilled (an interrupt whose handler calls deep), the
! caller's %l0-%l7 come back wrong: preserves.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_lower_small
rt_lower_small:
	save	%sp, -32, %sp
	rd	%psr, %l0
	and	%i0, PSR_PIL, %l1
	andn	%l0, PSR_PIL, %l2
	wr	%l2, %l1, %psr
	nop
	nop
	nop
	and	%l0, PSR_PIL, %i0
	ret
	 restore
