! BROKEN (expected: preserves).  splraise that "resets" the register-window
! bookkeeping to what it was at boot (CANSAVE = NWINDOWS - 2 = 6,
! CANRESTORE = 0).  A caller some calls deep has CANRESTORE > 0: its
! callers' windows are still in the register file, unspilled; with
! CANRESTORE = 0 the next RESTOREs take fill traps that load those
! windows from stack save areas never written: the callers' registers
! come back as garbage.  The check calls every routine with CANSAVE 6,
! CANRESTORE 0 (archs/sparc64.yaml cpu.reset), so the constant is always
! the value found.
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	wrpr	%g0, 6, %cansave	! BUG
	wrpr	%g0, 0, %canrestore	! BUG
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
