! SPARC V8 B.29: "If any of the three instructions that follow a WRPSR
! uses any of the PSR fields that WRPSR modified, the value of those
! fields is unpredictable."  Here the third one (a bne) reads the icc the
! WRPSR wrote (Z := 1).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_Z, 0x400000
	.text
	.globl	spllower_icc_3rd
spllower_icc_3rd:
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	set	0xf00000, %o3
	andn	%o1, %o3, %o1		! icc := 0
	or	%o1, %o0, %o1
	set	PSR_Z, %o3
	wr	%o1, %o3, %psr		! PIL := s, Z := 1
	nop
	nop
	bne	9f			! WRONG: the 3rd instruction reads icc
	 nop
	retl
	 mov	%o2, %o0
9:	retl
	 mov	-1, %o0
! Y: the 3rd instruction after WRY reads it (rd %y), settled value used as result bits outside PIL
	.globl	spllower_rdy_3rd
spllower_rdy_3rd:
	wr	%g0, 0, %y
	nop
	nop
	rd	%y, %o3			! WRONG (B.29 programming note)
	rd	%psr, %o1
	and	%o0, PSR_PIL, %o0
	and	%o1, PSR_PIL, %o2
	andn	%o1, PSR_PIL, %o1
	wr	%o1, %o0, %psr
	nop
	nop
	nop
	retl
	 or	%o2, %o3, %o0		! the result: old PIL | Y
