! BROKEN (expected: preserves).  An splraise that moves the WIM mark one
! window down (srl 1): the oldest window above the caller's is dropped, neither
! kept in the register file nor stored in its save area (V8 §4.3), and from
! cpu.reset's WIM the current window is marked invalid.  kept_state reads the
! windows above as a flush leaves them (Backend.flushed_view).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_raise_wim
rt_raise_wim:
	rd	%wim, %o3
	srl	%o3, 1, %o4		! BUG: the invalid mark moved one window down:
	wr	%o4, 0, %wim		! the oldest window above is dropped
	nop
	nop
	nop
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
