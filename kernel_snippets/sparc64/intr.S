! sparc64 interrupt stubs and handlers, written for iplemu after the shape
! of NetBSD/sparc64's interrupt_level_n path (sys/arch/sparc64/sparc64/
! locore.s: sparc_interrupt saves the trap state in a frame, leaves the
! trap level, raises %pil to the interrupt's level, enables interrupts,
! calls the handler, and undoes it all before `retry`).
!
! The CPU enters Xintr_<name> at TL+1 with PSTATE = PRIV|AG (interrupts
! off, alternate globals), TPC/TNPC/TSTATE of the interrupted code, CWP and
! %pil unchanged (SPARC V9 §7.6.1).  The stub takes a register window and
! keeps the trap state in its locals, and what the handler (a C function
! to it) may change that the window does not (%y and the globals %g1-%g5,
! the ABI's caller-saves), in them and its frame, instead of a trapframe; it leaves the
! trap level (so a nested interrupt gets TL 1 again) and runs the handler
! at TL 0 with interrupts on, then goes back to TL 1, restores the trap
! registers and %pil, gives the window back and returns with retry (A.11).
	.include "port.inc"
	.equ	PSTATE_KERN, 0x4	! psl.h: PSTATE_MM_TSO|PSTATE_PRIV
	.equ	PSTATE_INTR, 0x6	! psl.h: PSTATE_KERN|PSTATE_IE
	.equ	FRAME, 224		! the 176-byte minimum frame, %g1-%g5, 16-aligned
	.equ	SAVED, 2047 + 176	! where %g1-%g5 go: past the frame, biased

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	save	%sp, -FRAME, %sp	! a window (with CANSAVE = 0: a spill trap, run as SPILL64)
	rdpr	%tstate, %l0		! the interrupted CCR, ASI, PSTATE, CWP
	rdpr	%tpc, %l1
	rdpr	%tnpc, %l2
	rdpr	%pil, %l3		! the interrupted PIL
	wrpr	%g0, \level, %pil	! block this level and below
	wrpr	%g0, 0, %tl		! leave the trap level
	wrpr	%g0, PSTATE_KERN, %pstate	! normal globals, interrupts still off
	rd	%y, %l4			! what a C handler may change: %y, %g1-%g5
	stx	%g1, [%sp + SAVED + 0]
	stx	%g2, [%sp + SAVED + 8]
	stx	%g3, [%sp + SAVED + 16]
	stx	%g4, [%sp + SAVED + 24]
	stx	%g5, [%sp + SAVED + 32]
	wrpr	%g0, PSTATE_INTR, %pstate	! interrupts on
	call	handler_\name
	 nop
	wrpr	%g0, PSTATE_KERN, %pstate	! interrupts off
	ldx	[%sp + SAVED + 0], %g1
	ldx	[%sp + SAVED + 8], %g2
	ldx	[%sp + SAVED + 16], %g3
	ldx	[%sp + SAVED + 24], %g4
	ldx	[%sp + SAVED + 32], %g5
	wr	%l4, 0, %y
	wrpr	%g0, 1, %tl
	wrpr	%l0, 0, %tstate
	wrpr	%l1, 0, %tpc
	wrpr	%l2, 0, %tnpc
	wrpr	%l3, 0, %pil		! the interrupted PIL back
	restore				! the window back (retry restores CWP too)
	retry
	.endm

! A handler reads count_<name> and adds one in scratch registers, as a
! C handler may clobber them, but stores nothing of its own: a state after
! it returns can then equal the state before it was taken (explored once).
! The engine sees each run at its entry address; the race scenario's own
! handlers count in count_<name>.
!
! Then it calls spl routines as every NetBSD driver handler does (s =
! splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
! it with reenter_arg_<name>, then reenter_restore_<name> with what it
! returned, through the pointers and by the port's ABI.  `check' sets the
! three words so that the routine under check is one of the two calls
! (emu/reenter.py: the statclock's and softclock's handlers); they are 0 otherwise
! (run, race), and the handler calls nothing.  The pair leaves the
! priority as it found it, and what the calls leave on the stack is the
! free stack an interrupt's return poisons.
! It uses only %o registers, and a window of its own for the calls.
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
	.align	4
count_\name:
	.word	0
	.align	8
reenter_raise_\name:			! pointers, as wide as a register
	.xword	0
reenter_arg_\name:
	.xword	0
reenter_restore_\name:
	.xword	0
	.text
	.weak	handler_\name		! a scenario file may supply its own
handler_\name:
	sethi	%hi(count_\name), %o1
	lduw	[%o1 + %lo(count_\name)], %o2
	add	%o2, 1, %o2
	sethi	%hi(reenter_raise_\name), %o3
	ldx	[%o3 + %lo(reenter_raise_\name)], %o4
	brnz,pt	%o4, 1f
	 nop
	retl
	 nop
1:	save	%sp, -176, %sp		! the minimum frame, 16-aligned at %sp + 2047
	sethi	%hi(reenter_arg_\name), %o0
	jmpl	%i4, %o7		! s = raise(arg), an int extended to 64 bits
	 ldx	[%o0 + %lo(reenter_arg_\name)], %o0
	sethi	%hi(reenter_restore_\name), %l0
	ldx	[%l0 + %lo(reenter_restore_\name)], %l0
	jmpl	%l0, %o7		! restore(s): s is in %o0
	 nop
	ret
	 restore
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
