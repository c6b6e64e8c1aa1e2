	.include "port.inc"
	.text
! broken: srl by 0 zero-extends the caller's %l0 (V9 A.49: SRL shifts the
! low 32 bits, the upper 32 of rd become 0): its upper word is lost
	.globl	splraise_l0_srl
splraise_l0_srl:
	srl	%l0, 0, %l0
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
