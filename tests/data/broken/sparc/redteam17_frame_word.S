! BROKEN: splraise with a "no-op" shortcut that tests a word of the
! caller's frame above its 96-byte reserve ([%sp + 96], the caller's own
! locals or outgoing arguments beyond the sixth, which a one-argument
! call never writes) instead of %o0: whenever the caller's word there is
! 0 the routine never raises.  Truth: defined_only should fail (red team
! 17 F2 on a register-argument port: the caller's frame is no input).
	.include "port.inc"
	.text
	.globl	rt_raise_frameword
rt_raise_frameword:
	rd	%psr, %o1
	and	%o1, 0xf00, %o2		! old field, returned
	ld	[%sp + 96], %o3		! BUG: the caller's frame, not an argument
	tst	%o3
	be	1f
	 and	%o0, 0xf00, %o0
	cmp	%o0, %o2
	bleu	1f
	 andn	%o1, 0xf00, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
1:	retl
	 mov	%o2, %o0
