/* BROKEN: splraise that forms cpl's address with @h where @ha is needed
   (lis r9, cpl@h; lwz r4, cpl@l(r9)): lwz's 16-bit displacement is
   sign-extended (PEM 4.2.3, D-form), so when the low half of &cpl is
   0x8000 or more the access lands 64 KiB below cpl.  It works only while
   the linker happens to put cpl at a low half below 0x8000. */
	.include "port.inc"
	.text
	.globl	rt_raise
rt_raise:
	lis	r9, cpl@h		/* BUG: @ha */
	lwz	r4, cpl@l(r9)
	or	r5, r4, r3
	stw	r5, cpl@l(r9)
	mr	r3, r4
	blr
