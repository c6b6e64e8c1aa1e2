! sparc interrupt stubs and handlers, written for iplemu after the shape of
! NetBSD/sparc's interrupt trap entry (sys/arch/sparc/sparc/locore.s).
! The CPU enters Xintr_<name> in a new window with %l1 = PC, %l2 = nPC,
! traps disabled and PIL unchanged (V8 §7.5).  The stub raises PIL to the
! source's level with traps still disabled, then enables traps in a second
! wr, as NetBSD does (locore.s 1.222, sparc_interrupt44c: "wr %l4, 0, %psr
! ! the manual claims this / wr %l4, PSR_ET, %psr ! song and dance is
! necessary"; V8 B.29: one wr changing both PIL and ET may take an
! interrupt at the old PIL), honouring the write delay before the call,
! runs the handler (a C function to it) on a frame below the interrupted
! stack, keeping what the handler may change that the trap window does not
! (%y and the globals %g1-%g5: the ABI's caller-saves; NetBSD's trap frame
! holds them), restores the interrupted PSR and returns with jmp %l1; rett %l2 (V8 B.26).
!
! Level 15 (nmi) no PIL masks (V8 §7.3), and its request stays asserted
! until software clears it (archs/sparc.yaml interrupt.enable_register):
! with ET = 1 the CPU would take it again at once, from this stub again,
! without end.  So its stub does what NetBSD's nmi_sun4 / nmi_sun4c do
! (locore.s 1.222: "Level 15 interrupts are nonmaskable, so with traps
! off, disable all interrupts to prevent recursion"): it clears IE_ALLIE
! in the interrupt enable register before ET := 1, and sets it again
! after the wr that turns traps off before the return (nmi_common: "set
! IE_ALLIE again (safe, we disabled traps again above)").
	.include "port.inc"
	.equ	PSR_PIL, 0xf00
	.equ	PSR_ET, 0x20
	.equ	FRAME, 120		! the 96-byte minimum frame, %g1-%g5, 8-aligned

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	rd	%psr, %l0		! the interrupted PSR (icc, PIL; ET=0 now)
	sub	%fp, FRAME, %sp		! a frame below the interrupted one
	rd	%y, %l4			! what a C handler may change: %y, %g1-%g5
	st	%g1, [%sp + 96]
	st	%g2, [%sp + 100]
	st	%g3, [%sp + 104]
	st	%g4, [%sp + 108]
	st	%g5, [%sp + 112]
	andn	%l0, PSR_PIL, %l3
	or	%l3, (\level << 8), %l3
	wr	%l3, 0, %psr		! PIL := level, ET still 0
	.if \level == 15
	sethi	%hi(IPLEMU_IENAB), %l5	! with traps off: IE_ALLIE := 0, no level
	ldub	[%l5 + %lo(IPLEMU_IENAB)], %l6	! (15 neither) is taken from here
	andn	%l6, IPLEMU_IENAB_ALL, %l6
	stb	%l6, [%l5 + %lo(IPLEMU_IENAB)]
	.endif
	wr	%l3, PSR_ET, %psr	! then ET := 1 (XOR of a 0 bit)
	nop
	nop
	nop
	call	handler_\name
	 nop
	ld	[%sp + 96], %g1
	ld	[%sp + 100], %g2
	ld	[%sp + 104], %g3
	ld	[%sp + 108], %g4
	ld	[%sp + 112], %g5
	wr	%l4, 0, %y
	wr	%l0, 0, %psr		! interrupted PIL and icc back, ET=0
	nop
	nop
	nop
	.if \level == 15
	sethi	%hi(IPLEMU_IENAB), %l5	! traps off again: IE_ALLIE := 1
	ldub	[%l5 + %lo(IPLEMU_IENAB)], %l6
	or	%l6, IPLEMU_IENAB_ALL, %l6
	stb	%l6, [%l5 + %lo(IPLEMU_IENAB)]
	.endif
	jmp	%l1
	 rett	%l2
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
reenter_raise_\name:
	.word	0
reenter_arg_\name:
	.word	0
reenter_restore_\name:
	.word	0
	.text
	.weak	handler_\name		! a scenario file may supply its own
handler_\name:
	sethi	%hi(count_\name), %o1
	ld	[%o1 + %lo(count_\name)], %o2
	add	%o2, 1, %o2
	sethi	%hi(reenter_raise_\name), %o3
	ld	[%o3 + %lo(reenter_raise_\name)], %o4
	tst	%o4
	bne	1f
	 nop
	retl
	 nop
1:	save	%sp, -96, %sp		! the minimum frame, 8-aligned
	sethi	%hi(reenter_arg_\name), %o0
	jmpl	%i4, %o7		! s = raise(arg)
	 ld	[%o0 + %lo(reenter_arg_\name)], %o0
	sethi	%hi(reenter_restore_\name), %l0
	ld	[%l0 + %lo(reenter_restore_\name)], %l0
	jmpl	%l0, %o7		! restore(s): s is in %o0
	 nop
	ret
	 restore
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
