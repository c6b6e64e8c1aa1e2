! splraise that turns interrupts off (PSTATE.IE) around its compare and
! write and then back on with the constant PSTATE_INTR instead of giving
! back the PSTATE it found.  BUG: called with PSTATE.IE = 0 (from trap
! code, or a section that disabled interrupts) it returns with interrupts
! enabled (red team 17 F9: held while every call started with IE = 1).
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4
	.equ	PSTATE_INTR, 0x6
	.text
	.globl	splraise_ie
splraise_ie:
	wrpr	%g0, PSTATE_KERN, %pstate	! interrupts off
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	wrpr	%g0, PSTATE_INTR, %pstate	! BUG: not the caller's PSTATE
	retl
	 mov	%o1, %o0

! Correct: the same with the PSTATE it found given back (IE cleared with
! andn, so a caller's IE = 0 stays 0 inside the routine too).
	.globl	splraise_ie_ok
splraise_ie_ok:
	rdpr	%pstate, %o4
	andn	%o4, 0x2, %o5			! PSTATE_IE off
	wrpr	%o5, 0, %pstate
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	wrpr	%o4, 0, %pstate
	retl
	 mov	%o1, %o0
