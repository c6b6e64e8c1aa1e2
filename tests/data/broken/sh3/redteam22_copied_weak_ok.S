! The port's kernel_snippets/sh3/spl.S copied whole, `.weak' kept: the
! twin of redteam22_copied_weak.S, without its bug (red team 22 B F0).
! sh3 spl(9), written for iplemu after NetBSD/sh3 1.6's interface
! (sys/arch/sh3/include/psl.h: _cpu_intr_raise, _cpu_intr_resume;
! mmeye intr.h: splX() = _cpu_intr_raise(IPL_X << 4), splx = _cpu_intr_resume).
!
! The priority is the CPU's own: SR.IMASK, bits 7:4 of SR.  An spl value is
! an IMASK image (IPL << 4).  One `ldc Rm,sr` writes the whole SR, so each
! routine reads SR, replaces only the IMASK field and writes it back: MD,
! RB, BL and T must come back as they were.  The SR write is never put in a
! delay slot.  Registers: r4 = the argument, r0 = the result, r1 and r2
! scratch, pr = the return address.  None of these routines touches memory.
	.include "port.inc"
	.text

! int _cpu_intr_raise(int s): raise IMASK to s's field, never lower; returns
! the old field.
	.weak	_cpu_intr_raise, splraise
	.align	2
splraise:
_cpu_intr_raise:
	stc	sr, r1			! r1 = SR
	mov	#-16, r2		! 0xfffffff0
	extu.b	r2, r2			! r2 = PSL_IMASK 0xf0
	mov	r1, r0
	and	r2, r0			! r0 = the old IMASK field (the result)
	cmp/hs	r4, r0			! T = (old >= s)
	bt	1f			! not higher: leave SR alone
	not	r2, r2			! ~PSL_IMASK
	and	r2, r1			! SR without IMASK
	or	r4, r1			! | s
	ldc	r1, sr
1:	rts
	nop

! int _cpu_intr_resume(int s): set IMASK to s's field, whatever it was;
! returns the old field.  splx(s) in NetBSD/sh3; spllower is the same
! operation under the name the engine's contract gives it.
	.weak	_cpu_intr_resume, spllower, splx
	.align	2
splx:
spllower:
_cpu_intr_resume:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2			! r2 = PSL_IMASK
	mov	r1, r0
	and	r2, r0			! r0 = the old field
	not	r2, r2
	and	r2, r1			! SR without IMASK
	or	r4, r1			! | s
	ldc	r1, sr
	rts
	nop

! int spl0(void): IMASK := 0; returns the old field.  mmeye intr.h:
! spl0() = _cpu_intr_resume(0).  The jump goes through a literal, so a
! _cpu_intr_resume of the user's (--snippet) is the one it reaches.
	.weak	spl0
	.align	2
spl0:
	mov.l	1f, r0
	jmp	@r0
	mov	#0, r4			! (delay slot) s = 0
	.align	2
1:	.long	_cpu_intr_resume

! int splhigh(void): IMASK := 15; returns the old field.  mmeye intr.h:
! splhigh() = _cpu_intr_raise(IPL_HIGH << 4); nothing is above IPL_HIGH,
! so raising to it and setting it are the same.
	.weak	splhigh
	.align	2
splhigh:
	mov.l	1f, r0
	mov	#SPL_HIGH - 256, r4
	jmp	@r0
	extu.b	r4, r4			! (delay slot) s = 0xf0
	.align	2
1:	.long	_cpu_intr_resume
