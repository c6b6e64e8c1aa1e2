	.include "port.inc"
	.text
! BROKEN (returns_previous): returns the old PIL with bit 8 set (0x100 | pil): not an spl
! value (spl values are 0..15), though splx of it writes the same PIL.
	.globl	splraise_bit8
splraise_bit8:
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%icc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 or	%o1, 0x100, %o0
