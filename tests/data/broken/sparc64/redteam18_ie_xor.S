! Red team 18 F1 (held): an splraise meant to turn interrupts off around
! its compare and write with `wrpr %o2, PSTATE_IE, %pstate`.  WRPR writes
! r[rs1] XOR reg_or_imm (SPARC V9 A.62), so this flips PSTATE.IE: called
! with IE = 0 (a caller inside a disable_intr section) it turns interrupts
! ON for the compare and write, and any interrupt_level_n above PIL is
! taken inside the caller's interrupts-off section (V9 7.4.1).  The PSTATE
! it found is written back at the end, so nothing shows at the return: the
! interrupts-disabled start requests every source at every boundary
! (emu/starts.py) and fails no_window.
	.include "port.inc"
	.equ	PSTATE_IE, 0x2
	.text
	.globl	rt_splraise_iexor
rt_splraise_iexor:
	rdpr	%pstate, %o2
	wrpr	%o2, PSTATE_IE, %pstate		! BUG: IE ^= 1, not IE := 0
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	wrpr	%o2, 0, %pstate			! the PSTATE found
	retl
	 mov	%o1, %o0

! Correct: IE cleared with andn first, then written with xor 0 (a plain
! copy), so a caller's IE = 0 stays 0 throughout.
	.globl	rt_splraise_ieandn_ok
rt_splraise_ieandn_ok:
	rdpr	%pstate, %o2
	andn	%o2, PSTATE_IE, %o3
	wrpr	%o3, 0, %pstate			! IE off whatever it was
	rdpr	%pil, %o1
	and	%o0, 15, %o0
	cmp	%o0, %o1
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%o0, 0, %pil
1:	wrpr	%o2, 0, %pstate			! the PSTATE found
	retl
	 mov	%o1, %o0
