! red team 20 B (CORRECT, a false-fail probe): sh3 stubs that keep the
! interrupted SPC and SSR in a static save area of their own source instead
! of on the stack.  A source cannot interrupt its own stub: SR.BL = 1 from
! the take until IMASK is at the source's level, and again from before the
! save area is read back until rte (SH7708 HW manual 4.2.1, SH7709S 4.2.5),
! and its own level is masked in between; other sources have their own
! areas.  So the area is never overwritten while in use.
! (tests: data only these stubs touch make no own-data start of check, and
! cost nothing: check._Checker.left_starts, archs/README.md)
	.include "port.inc"

	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
	.align	2
Xintr_\name:
	mov.l	7f, r1			! this source's own save area (bank 1 r1)
	stc	spc, r0
	mov.l	r0, @r1			! the interrupted PC
	stc	ssr, r0
	mov.l	r0, @(4,r1)		! the interrupted SR
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
	mov.l	7f, r1
	mov.l	@(4,r1), r0
	ldc	r0, ssr
	mov.l	@r1, r0
	ldc	r0, spc
	rte				! SR := SSR, PC := SPC
	nop
	.align	2
2:	.long	~0x300000f0
3:	.long	0x30000000
4:	.long	handler_\name
7:	.long	save_\name
	.data
	.align	2
save_\name:
	.long	0, 0
	.text
	.endm

	IPLEMU_SOURCES INTRSTUB
