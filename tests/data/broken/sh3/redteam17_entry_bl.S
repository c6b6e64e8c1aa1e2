! BROKEN: the stub loads its level with `mov #spl, r2' and forgets the
! extu.b: for levels 8..15 (0x80..0xf0) the immediate is sign-extended, so
! the `or' into SR sets MD, RB, BL and every other implemented bit: the
! handler runs blocked, on bank 1, with Q/M/S set.
	.include "port.inc"
	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
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
	mov	#\spl, r2		! BUG: sign-extended: levels >= 8 set SR bits 31:8
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
	IPLEMU_SOURCES INTRSTUB
