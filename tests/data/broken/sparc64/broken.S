! sparc64 spl routines broken on purpose: check must catch each one.
	.include "port.inc"
	.text

! A "raise" that writes unconditionally: it lowers when called at a higher
! PIL (SPL used where SPLHOLD was meant).
	.globl	splraise_lowers
splraise_lowers:
	rdpr	%pil, %o1
	wrpr	%o0, 0, %pil
	retl
	 mov	%o1, %o0

! A restore that writes the PIL one too low.
	.globl	splx_wrong
splx_wrong:
	sub	%o0, 1, %o0
	retl
	 wrpr	%o0, 0, %pil

! The V8 idiom carried over to V9: sparc's `wr %o1, %o0, %psr` XORs the
! new field into a PSR whose PIL was cleared first; wrpr also XORs its
! operands, so `wrpr %o1, %o0, %pil` with %o1 = the old PIL sets old ^ new.
	.globl	spllower_xor
spllower_xor:
	rdpr	%pil, %o1
	wrpr	%o1, %o0, %pil
	retl
	 mov	%o1, %o0

! spl(9) returns the old level, but this lowering writes %pil without
! reading it first and returns what it was given.
	.globl	spllower_noread
spllower_noread:
	retl
	 wrpr	%o0, 0, %pil

! A stub that returns with done instead of retry: done resumes at TNPC,
! skipping the instruction the interrupt arrived before.
	.globl	Xintr_clock_done
Xintr_clock_done:
	save	%sp, -176, %sp
	rdpr	%tstate, %l0
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3
	wrpr	%g0, SRC_CLOCK_LEVEL, %pil
	wrpr	%g0, 0, %tl
	wrpr	%g0, 0x6, %pstate
	call	handler_clock
	 nop
	wrpr	%g0, 0x4, %pstate
	wrpr	%g0, 1, %tl
	wrpr	%l0, 0, %tstate
	wrpr	%l1, 0, %tpc
	wrpr	%l2, 0, %tnpc
	wrpr	%l3, 0, %pil
	restore
	done

! A stub that forgets to put the interrupted %pil back before retry: the
! interrupted code resumes at the clock's level.
	.globl	Xintr_clock_norestore
Xintr_clock_norestore:
	save	%sp, -176, %sp
	rdpr	%tstate, %l0
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	wrpr	%g0, SRC_CLOCK_LEVEL, %pil
	wrpr	%g0, 0, %tl
	wrpr	%g0, 0x6, %pstate
	call	handler_clock
	 nop
	wrpr	%g0, 0x4, %pstate
	wrpr	%g0, 1, %tl
	wrpr	%l0, 0, %tstate
	wrpr	%l1, 0, %tpc
	wrpr	%l2, 0, %tnpc
	restore
	retry

! A lowering that "acknowledges" the soft interrupts as it lowers: it
! clears SOFTINT's level 1 bit (CLEAR_SOFTINT, %asr21), which drops a
! softclock or softnet request posted while PIL blocked it: lost.
	.globl	spllower_clears_softint
spllower_clears_softint:
	rdpr	%pil, %o1
	wr	%g0, 1 << 1, %asr21	! CLEAR_SOFTINT: level 1
	wrpr	%o0, 0, %pil
	retl
	 mov	%o1, %o0
