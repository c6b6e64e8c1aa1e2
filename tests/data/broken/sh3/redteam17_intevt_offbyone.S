! BROKEN: red team 17's common entry (redteam17_intevt_stub.S, which holds)
! with an off-by-one table index for the level: it finds the entry of the
! event code read from INTEVT, then takes the level image of the entry
! *before* it (a zero entry before the first).  The handler is the right
! one, run one source's level too low: softnet's handler at softclock's
! level, softclock's at level 0 (handler_priority).
	.include "port.inc"
	.macro	ALIAS name, bit, level, spl, vector
	.globl	Xintr_\name
	.set	Xintr_\name, Xintr_all
	.endm
	.macro	ENTRY name, bit, level, spl, vector
	.long	\vector, \spl, handler_\name
	.endm
	.text
	.align	2
Xintr_all:
	stc.l	spc, @-r15
	stc.l	ssr, @-r15
	sts.l	pr, @-r15
	sts.l	mach, @-r15
	sts.l	macl, @-r15
	stc.l	r0_bank, @-r15		! bank 0 R0-R7: the interrupted code's
	stc.l	r1_bank, @-r15
	stc.l	r2_bank, @-r15
	stc.l	r3_bank, @-r15
	stc.l	r4_bank, @-r15
	stc.l	r5_bank, @-r15
	stc.l	r6_bank, @-r15
	stc.l	r7_bank, @-r15
	mov.l	5f, r1			! &INTEVT
	mov.l	@r1, r1			! the event code (BL = 1: no other entry yet)
	mov.l	6f, r3			! the table
1:	mov.l	@r3, r2
	cmp/eq	r1, r2
	bt	2f
	bra	1b
	add	#12, r3			! (slot) the next entry
2:	mov	r3, r2
	add	#-12, r2		! BUG: the entry before the one found
	mov.l	@(4, r2), r2		! ... its level image
	mov.l	@(8, r3), r3		! the handler (bank 1 r3)
	stc	sr, r0
	mov.l	7f, r1			! ~(BL | RB | IMASK)
	and	r1, r0
	or	r2, r0
	ldc	r3, r7_bank		! the handler, into bank 0 r7 (saved above)
	ldc	r0, sr			! bank 0, unblocked, IMASK = level
	jsr	@r7
	nop
	stc	sr, r0
	mov.l	8f, r1			! BL | RB: blocked, bank 1 again
	or	r1, r0
	ldc	r0, sr
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
	rte
	nop
	.align	2
5:	.long	0xffffffd8		! INTEVT (SH7708)
6:	.long	intr_table
7:	.long	~0x300000f0
8:	.long	0x30000000
	.data
	.align	2
	.long	0, 0, 0		! the entry before the first
intr_table:
	IPLEMU_SOURCES ENTRY
	IPLEMU_SOURCES ALIAS
