! A user's own sh3 splraise written from scratch, a global named like the
! port's routine splraise, whose YAML symbol is _cpu_intr_raise: check
! --routine splraise must check this one (red team 22 B F0).  It never
! raises (bug: it writes nothing at all).
	.include "port.inc"
	.text
	.align	2
	.globl	splraise
splraise:
	stc	sr, r0
	mov	#-16, r2
	extu.b	r2, r2
	rts
	and	r2, r0			! BUG: returns the old level, never raises
