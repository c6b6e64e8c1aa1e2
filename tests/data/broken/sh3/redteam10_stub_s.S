! BROKEN (interrupt_transparent): the clock's stub sets SR.S (MAC
! saturation) in the SSR it gives to rte.  The exception does not change
! S and rte loads SR := SSR, every bit (SH7708 HW manual 4.2.1, SH7720 HW
! manual 7.2.1: archs/sh3.yaml interrupt.restores), so the interrupted
! code's later MAC.W/MAC.L would saturate where it did not.  S is no
! abi.state bit (spl routines do not keep it): every clause held while
! interrupt_transparent compared only the ABI's registers and abi.state.
! The stock stub (kernel_snippets/sh3/intr.S) otherwise.
	.include "port.inc"
	.text
	.globl	Xintr_clock
	.align	2
Xintr_clock:
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
	mov.l	2f, r1
	and	r1, r0
	mov	#SRC_CLOCK_SPL, r2
	extu.b	r2, r2
	or	r2, r0
	ldc	r0, sr
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
	stc	ssr, r0			! (bank 1 r0: the exception code's)
	or	#2, r0			! WRONG: SR.S set for the interrupted code
	ldc	r0, ssr
	ldc.l	@r15+, spc
	rte
	nop
	.align	2
2:	.long	~0x300000f0
3:	.long	0x30000000
4:	.long	handler_clock
