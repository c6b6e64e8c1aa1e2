! sparc64 spl routines of the second red-team pass: each broken one wrong
! in one way a kernel programmer gets it wrong (the property it must fail
! is named beside it), and correct ones in styles unlike the port's own.
! tests/test_contract.py runs them.
	.include "port.inc"
	.text

! exact: wrpr writes rs1 XOR operand2 (V9 A.62): written with the old PIL
! as rs1, it sets old ^ s.
	.globl	splraise_xor_old
splraise_xor_old:
	rdpr	%pil, %o1
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o1, %o0, %pil		! "PIL := s" ... is old ^ s
1:	retl
	 mov	%o1, %o0

! exact: the write in the delay slot of the "higher?" branch without the
! annul bit: it runs whether the branch is taken or not, so a raise to a
! lower level lowers.
	.globl	splraise_slot_no_annul
splraise_slot_no_annul:
	rdpr	%pil, %o1
	cmp	%o0, %o1
	bgu,pt	%xcc, 1f		! should be bgu,a
	 wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0

! preserves: takes a register window with save and returns with retl,
! in the new window: the caller comes back in the wrong window (CWP,
! CANSAVE changed).
	.globl	spllower_save_retl
spllower_save_retl:
	save	%sp, -176, %sp
	rdpr	%pil, %l0
	wrpr	%i0, 0, %pil
	retl
	 mov	%l0, %o0

! Correct: the same with the annul bit: the write runs only when taken.
	.globl	splraise_annul_ok
splraise_annul_ok:
	rdpr	%pil, %o1
	cmp	%o0, %o1
	bgu,a,pt %xcc, 1f
	 wrpr	%o0, 0, %pil
1:	retl
	 mov	%o1, %o0

! Correct: a non-leaf shape with its own window: save, work in %l0/%i0,
! return with ret/restore, which gives the result to the caller's %o0.
	.globl	spllower_window_ok
spllower_window_ok:
	save	%sp, -176, %sp
	rdpr	%pil, %l0
	wrpr	%g0, %i0, %pil
	ret
	 restore %l0, 0, %o0

! Correct: raise as max(s, old) by a conditional move, one write always.
	.globl	splraise_movcc_ok
splraise_movcc_ok:
	rdpr	%pil, %g1
	cmp	%o0, %g1
	movleu	%xcc, %g1, %o0		! s := max(s, old)
	wrpr	%o0, 0, %pil
	retl
	 mov	%g1, %o0

! Keeps the old PIL in %g7, a global register the SPARC ABI reserves for
! the system (SPARC Assembly Language Reference Manual §6.2: "assembly
! code should not modify them"), and never gives it back.  It holds
! today: sparc64.yaml names %g2, %g3, %g6, %g7 neither preserved nor
! scratch (what NetBSD/sparc64 1.6's kernel keeps there is not settled);
! tests/test_contract.py keeps it as a strict xfail.
	.globl	splraise_uses_g7
splraise_uses_g7:
	rdpr	%pil, %g7
	cmp	%o0, %g7
	bgu,a,pt %xcc, 1f
	 wrpr	%o0, 0, %pil
1:	retl
	 mov	%g7, %o0

! Correct on a V9 machine: a 64-bit frame is addressed at %fp + 2047 (the
! stack bias); the old PIL goes through a stack slot of its own frame.
	.globl	spllower_stack_slot_ok
spllower_stack_slot_ok:
	save	%sp, -192, %sp
	rdpr	%pil, %l0
	stx	%l0, [%fp + 2047 - 8]
	wrpr	%i0, 0, %pil
	ldx	[%fp + 2047 - 8], %i0
	ret
	 restore

! defined_only: a leaf keeps the old PIL just below its stack pointer,
! where the trap code builds its frame (sparc64.yaml interrupt.changes).
	.globl	splraise_below_sp
splraise_below_sp:
	rdpr	%pil, %o1
	stx	%o1, [%sp + 2047 - 8]
	cmp	%o0, %o1
	bgu,a,pt %xcc, 1f
	 wrpr	%o0, 0, %pil
1:	retl
	 ldx	[%sp + 2047 - 8], %o0

! no_fault: a V8 habit, the save area addressed without the bias: the
! 64-bit %sp is odd, so [%sp + 64] is a misaligned doubleword.
	.globl	spllower_unbiased
spllower_unbiased:
	save	%sp, -192, %sp
	rdpr	%pil, %l0
	stx	%l0, [%sp + 176]
	wrpr	%i0, 0, %pil
	ldx	[%sp + 176], %i0
	ret
	 restore
