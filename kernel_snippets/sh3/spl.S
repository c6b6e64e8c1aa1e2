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
	.globl	_cpu_intr_raise, splraise
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
	.globl	_cpu_intr_resume, spllower, splx
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
