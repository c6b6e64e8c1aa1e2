! _cpu_intr_raise keeping the old IMASK field in a static temporary
! instead of a register (red team 17 F1, written for sh3).  BUG: not
! re-entrant: an interrupt between the store and the reload whose handler
! calls it (every NetBSD driver handler does s = splXXX(); ...; splx(s))
! overwrites saved_imask, so this call returns the handler's level.
	.include "port.inc"
	.data
	.align	2
saved_imask:
	.long	0
	.text
	.globl	splraise_static
	.align	2
splraise_static:
	stc	sr, r1			! r1 = SR
	mov	#-16, r2		! 0xfffffff0
	extu.b	r2, r2			! r2 = PSL_IMASK 0xf0
	mov	r1, r0
	and	r2, r0			! r0 = the old IMASK field
	mov.l	2f, r3
	mov.l	r0, @r3			! the old field, in a static
	cmp/hs	r4, r0			! T = (old >= s)
	bt	1f			! not higher: leave SR alone
	not	r2, r2			! ~PSL_IMASK
	and	r2, r1			! SR without IMASK
	or	r4, r1			! | s
	ldc	r1, sr
1:	mov.l	@r3, r0			! reloaded: another call may have changed it
	rts
	nop
	.align	2
2:	.long	saved_imask
