# Interrupt stubs calling the (C) handler with `bsr` instead of loading
# pv ($27) with its address and `jsr`.  BUG: a GCC-compiled handler's
# prologue (ldgp $gp, 0($27)) computes its GP from pv, which holds the
# stub's own address here (the br $27 of the ldgp above): every global the
# handler touches is then addressed off a wrong GP.  The stock handlers use
# the stub's $gp as it is, so nothing shows unless pv is checked at the
# handler's entry.
	.include "port.inc"
	.set	noat
	.set	noreorder
	.macro	STUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
	.align	3
Xintr_\name:
	lda	$sp, -160($sp)
	slot = 0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	stq	$\n, slot($sp)
	slot = slot + 8
	.endr
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	bsr	$26, handler_\name	# BUG: pv still points at 1b
	slot = 0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	ldq	$\n, slot($sp)
	slot = slot + 8
	.endr
	lda	$sp, 160($sp)
	call_pal 0x3f
	.endm
	IPLEMU_SOURCES STUB
