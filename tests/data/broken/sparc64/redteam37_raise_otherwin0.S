! BROKEN (expected: preserves).  sparc64_raise_winconst.S on OTHERWIN:
! splraise that writes OTHERWIN := 0 (its boot value).  Called on behalf
! of a user process whose windows are still in the register file
! (OTHERWIN > 0), it makes the kernel forget them: later SAVEs overwrite
! them without spilling them to the user stack.
	.include "port.inc"
	.text
	.globl	splraise
splraise:
	wrpr	%g0, 0, %otherwin	! BUG: the user's windows forgotten
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0
