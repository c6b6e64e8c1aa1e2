! red team 22 a: a sparc spl0 (set IPL_NONE) that, after writing PIL 0
! and its three delay instructions, stores the spl value (0) into the
! interrupt enable register in the retl's delay slot (the splx_allie
! confusion of sparc_splx_allie.S, in spl0): it returns with IE_ALLIE off,
! so no interrupt of any level is taken after it.  Everything the lowering
! unblocked before the store is taken.
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.text
	.globl	rt_spl0_ie
rt_spl0_ie:
	rd	%psr, %o1
	and	%o1, PSR_PIL, %o2		! the old field, returned
	andn	%o1, PSR_PIL, %o1
	wr	%o1, 0, %psr			! PIL := 0
	nop
	nop
	nop
	mov	%o2, %o0
	sethi	%hi(IPLEMU_IENAB), %o4
	retl
	 stb	%g0, [%o4 + %lo(IPLEMU_IENAB)]	! BUG: IE_ALLIE := 0
