# BROKEN (expected: no_fault or preserves: it returns to the wrong address).
# A non-leaf splraise (it calls the port's splraise with bsr) that saves
# ra in an int-sized slot: stl/ldl.  LDL sign-extends the longword it
# loads (Alpha ARM §4.2.2), so ra comes back as sext(ra<31:0>).  NetBSD/
# alpha's kernel runs in K0SEG/KSEG (0xfffffc00_00000000 ...: every
# kernel text address has bits 63:32 = 0xfffffc00), so the reloaded ra
# is 0x00000000_xxxxxxxx or 0xffffffff_xxxxxxxx, neither of them the
# caller: the return jumps into user space / unmapped memory (a kernel
# panic).  Where the caller's code happens to lie below 2 GiB the bug
# cannot show.
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_ra_ldl
	.align	3
rt_raise_ra_ldl:
	lda	$sp, -16($sp)
	stl	$26, 0($sp)		# BUG: 32 bits of a 64-bit return address
	bsr	$26, splraise
	ldl	$26, 0($sp)		# sign-extends ra<31:0>
	lda	$sp, 16($sp)
	ret	$31, ($26), 1
