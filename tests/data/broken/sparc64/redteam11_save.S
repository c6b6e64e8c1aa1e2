! Red team 11, routines: the window save area at a SAVE.  With interrupts
! off (no interrupt between the store and the load, so interrupt.spill_area
! never touched it), splraise_pil_in_save_area keeps the old PIL in its
! caller's register save area ([%sp + 2047], the caller's window's %l0
! slot), then takes a window: on a CPU with fewer free windows that SAVE
! is a spill trap storing the oldest window, possibly the caller's, right
! there (V9 §6.4), so the PIL it reads back through %fp is the caller's %l0
! (Poisoner.spill_windows after every SAVE).  Its twin keeps the PIL in its
! own frame beyond the save area ([%sp + 2047 + 176] after the SAVE).
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4	! PSTATE_IE clear
	.text

	.globl	splraise_pil_in_save_area
splraise_pil_in_save_area:
	rdpr	%pstate, %o4
	wrpr	%g0, PSTATE_KERN, %pstate	! interrupts off
	rdpr	%pil, %o1
	stx	%o1, [%sp + 2047]	! WRONG: the caller's window's save area
	save	%sp, -192, %sp
	ldx	[%fp + 2047], %l0	! the old PIL back, or the spilled %l0
	and	%i0, 15, %i0
	cmp	%i0, %l0
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%i0, 0, %pil
1:	mov	%l0, %i0
	wrpr	%i4, 0, %pstate		! interrupts as they were
	ret
	 restore

	.globl	splraise_pil_in_frame_ok
splraise_pil_in_frame_ok:
	rdpr	%pstate, %o4
	wrpr	%g0, PSTATE_KERN, %pstate
	save	%sp, -192, %sp
	rdpr	%pil, %l1
	stx	%l1, [%sp + 2047 + 176]	! its own frame, past the 176-byte minimum
	ldx	[%sp + 2047 + 176], %l0
	and	%i0, 15, %i0
	cmp	%i0, %l0
	bleu,pn	%xcc, 1f
	 nop
	wrpr	%i0, 0, %pil
1:	mov	%l0, %i0
	wrpr	%i4, 0, %pstate
	ret
	 restore
