! red team 19 B finding 6 (held at depth 1 until the taken request stayed
! asserted: Backend.holds_taken_requests): interrupt stubs that clear SR.BL
! and SR.RB first, with SR.IMASK still the interrupted level, and set IMASK
! to the source's level in a second SR write.  The SH-3's acceptance sets
! BL, MD and RB and leaves IMASK (SH7708 HW manual 6.4.1 and its note 1); a
! level interrupt request "should be held until the CPU accepts it" and
! "needs to be cleared (released) within the specific interrupt handler"
! (SH7705 HW manual 6.6 Usage Note, Level interrupt), and the handler order
! the manual gives is: clear the interrupt source, then clear BL and set
! the accepted level in IMASK (SH7705 HW manual 6.5.2 Multiple Interrupts).
! So with BL = 0 and IMASK below the request's level the CPU takes the same
! request again between the two writes (SH7709S HW manual 4.2.5: only
! BL = 1 holds it), and again from there, without end: check fails no_fault
! at depth 1 with an interrupt storm.  NetBSD/sh3's sh_vector_interrupt
! (exception_vector.S 1.35.6.1) masks first (__INTR_MASK) and only then
! unblocks (__EXCEPTION_UNBLOCK); kernel_snippets/sh3/intr.S clears BL and
! sets IMASK in one SR write.
	.include "port.inc"

	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
	.align	2
Xintr_\name:
	stc.l	spc, @-r15
	stc.l	ssr, @-r15
	sts.l	pr, @-r15
	sts.l	mach, @-r15
	sts.l	macl, @-r15
	stc.l	r0_bank, @-r15
	stc.l	r1_bank, @-r15
	stc.l	r2_bank, @-r15
	stc.l	r3_bank, @-r15
	stc.l	r4_bank, @-r15
	stc.l	r5_bank, @-r15
	stc.l	r6_bank, @-r15
	stc.l	r7_bank, @-r15
	stc	sr, r0
	mov.l	2f, r1			! ~(BL | RB)
	and	r1, r0
	ldc	r0, sr			! BUG: unblocked at the interrupted IMASK (bank 0 now)
	stc	sr, r0
	mov.l	5f, r1			! ~IMASK
	and	r1, r0
	mov	#\spl, r2
	extu.b	r2, r2
	or	r2, r0
	ldc	r0, sr			! IMASK = level
	mov.l	4f, r0
	jsr	@r0
	nop
	stc	sr, r0
	mov.l	3f, r1
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
2:	.long	~0x30000000
3:	.long	0x30000000
4:	.long	handler_\name
5:	.long	~0xf0
	.endm

	IPLEMU_SOURCES INTRSTUB
