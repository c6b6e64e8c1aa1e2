! sh3 interrupt stubs and handlers, written for iplemu after NetBSD/sh3's
! interrupt vector (sys/arch/sh3/sh3/exception_vector.S: save the frame
! while SR.BL blocks everything, unblock, intc_intr() sets SR.IMASK to the
! source's level with _cpu_intr_resume and calls the handler; return with
! BL set again, SSR/SPC restored, rte).
!
! The CPU enters Xintr_<name> with SPC = the interrupted PC, SSR = its SR,
! SR.BL = SR.MD = SR.RB = 1 and SR.IMASK unchanged: R0-R7 are bank 1 (the
! interrupted code's R0-R7 are bank 0, untouched) and no interrupt can be
! taken until BL is cleared.  The stub saves SPC, SSR, PR, MACH, MACL
! and bank 0's R0-R7 (all a C handler may change; SR's T/Q/M come back
! with SSR) on the (kernel) stack r15, then in one SR write clears BL and RB
! and sets IMASK to the source's level: the handler runs on bank 0 at its
! own level and may be interrupted only by higher levels.  On the way back
! it sets BL and RB again (bank 1 is scratch), restores, and rte reloads
! the interrupted SR and PC.  One stub per source of archs/sh3.yaml.
	.include "port.inc"

	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
	.align	2
Xintr_\name:
	stc.l	spc, @-r15		! the interrupted PC
	stc.l	ssr, @-r15		! the interrupted SR
	sts.l	pr, @-r15
	sts.l	mach, @-r15		! MACH/MACL: a C handler's mul/mac
	sts.l	macl, @-r15
	stc.l	r0_bank, @-r15		! bank 0 R0-R7: the interrupted code's
	stc.l	r1_bank, @-r15
	stc.l	r2_bank, @-r15
	stc.l	r3_bank, @-r15
	stc.l	r4_bank, @-r15
	stc.l	r5_bank, @-r15
	stc.l	r6_bank, @-r15
	stc.l	r7_bank, @-r15
	stc	sr, r0			! (bank 1 r0-r2 are ours)
	mov.l	2f, r1			! ~(BL | RB | IMASK)
	and	r1, r0
	mov	#\spl, r2		! the source's level, an IMASK image
	extu.b	r2, r2
	or	r2, r0
	ldc	r0, sr			! bank 0, unblocked, IMASK = level
	mov.l	4f, r0			! the handler (weak: a scenario may replace it)
	jsr	@r0
	nop
	stc	sr, r0			! (bank 0 r0-r1: saved above)
	mov.l	3f, r1			! BL | RB
	or	r1, r0
	ldc	r0, sr			! blocked, bank 1 again
	ldc.l	@r15+, r7_bank
	ldc.l	@r15+, r6_bank
	ldc.l	@r15+, r5_bank
	ldc.l	@r15+, r4_bank
	ldc.l	@r15+, r3_bank
	ldc.l	@r15+, r2_bank
	ldc.l	@r15+, r1_bank
	ldc.l	@r15+, r0_bank
	lds.l	@r15+, macl
	lds.l	@r15+, mach
	lds.l	@r15+, pr
	ldc.l	@r15+, ssr
	ldc.l	@r15+, spc
	rte				! SR := SSR, PC := SPC
	nop
	.align	2
2:	.long	~0x300000f0
3:	.long	0x30000000
4:	.long	handler_\name
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
! (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
! (run, race), and the handler calls nothing.  The pair leaves the
! priority as it found it, and what the calls leave on the stack is the
! free stack an interrupt's return poisons.
! count_<name> is a longword; it uses r1-r3, and for the calls pr and r8
! (which the callees keep) on the stack, r8 holding the words' address.
	.macro	HANDLER name, bit, level, spl, vector
	.data
	.align	2
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.long	0
reenter_raise_\name:
	.long	0
reenter_arg_\name:
	.long	0
reenter_restore_\name:
	.long	0
	.text
	.weak	handler_\name		! a scenario file may supply its own
	.align	2
handler_\name:
	mov.l	1f, r1
	mov.l	@r1, r2
	add	#1, r2
	mov.l	2f, r1
	mov.l	@r1, r3
	tst	r3, r3
	bt	9f
	sts.l	pr, @-r15
	mov.l	r8, @-r15
	mov	r1, r8
	jsr	@r3			! s = raise(arg)
	mov.l	@(4,r8), r4		! (delay slot) reenter_arg
	mov.l	@(8,r8), r1
	jsr	@r1			! restore(s)
	mov	r0, r4			! (delay slot)
	mov.l	@r15+, r8
	lds.l	@r15+, pr
9:	rts
	nop
	.align	2
1:	.long	count_\name
2:	.long	reenter_raise_\name
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
