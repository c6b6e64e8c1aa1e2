! Deliberately broken sparc spl routines and stubs (test data).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text

! splraise that lowers: writes s whatever the current PIL.
	.globl	splraise_lowers
splraise_lowers:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 mov	%o2, %o0

! splx that restores the wrong field: takes the level from bits 12:9.
	.globl	splx_wrong
splx_wrong:
	rd	%psr, %o1
	srl	%o0, 1, %o0
	and	%o0, PSR_PIL, %o0
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 nop

! spllower without the write delay: returns while the new PIL is still
! settling, so its caller runs at the old level for up to three instructions.
	.globl	spllower_nodelay
spllower_nodelay:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	retl
	 mov	%o2, %o0

! A clock stub that returns with PIL 0 instead of the interrupted PIL.
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	rd	%psr, %l0
	sub	%fp, 96, %sp
	andn	%l0, PSR_PIL, %l3
	or	%l3, (SRC_CLOCK_LEVEL << 8), %l3
	wr	%l3, 0x20, %psr
	nop
	nop
	nop
	call	handler_clock
	 nop
	andn	%l0, PSR_PIL, %l0	! forgets the interrupted PIL
	wr	%l0, 0, %psr
	nop
	nop
	nop
	jmp	%l1
	 rett	%l2
