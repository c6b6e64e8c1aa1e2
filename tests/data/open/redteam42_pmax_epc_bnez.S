/* BROKEN (expected: defined_only).  _splraise with a shortcut keyed on CP0
   EPC, "nonzero/zero EPC means we were entered from the exception path":
   EPC holds the address of the last exception taken, whatever code runs
   now (IDT R30xx manual, Exception Management: EPC is written only by an
   exception), so at an ordinary call its value is the history's, not the
   caller's.  When the test says "from an exception" the routine returns
   without raising. */
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_raise_epc
	.ent	rt_raise_epc
rt_raise_epc:
	mfc0	$t1, $14		/* EPC */
	mfc0	$v0, $12
	bnez	$t1, 1f		/* BUG: a test of EPC */
	andi	$a0, $a0, 0xff00
	nor	$a0, $a0, $zero
	and	$t0, $v0, $a0
	mtc0	$t0, $12
1:	jr	$ra
	andi	$v0, $v0, 0xff01
	.end	rt_raise_epc
