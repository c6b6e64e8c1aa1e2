! Deliberately broken sh3 spl routines (test data), linked with
! kernel_snippets/sh3/spl.S and intr.S.
	.include "port.inc"
	.text

! raise that writes the argument even when it is lower: it lowers.
	.globl	splraise_lowers
	.align	2
splraise_lowers:
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
	rts
	nop

! restore that takes the IPL number instead of the IMASK image (s >> 4
! written into IMASK): a port-typical confusion of IPL and spl value.
	.globl	splx_wrong
	.align	2
splx_wrong:
	shlr2	r4
	shlr2	r4			! IPL_X << 4 >> 4 = IPL_X: the wrong field
	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
	rts
	nop

! lower that sets one level below its argument (down to 0).
	.globl	spllower_loses
	.align	2
spllower_loses:
	mov	r4, r3
	add	#-16, r3
	cmp/pz	r3
	bf	1f
	mov	r3, r4			! s - 16 unless that is negative
1:	stc	sr, r1
	mov	#-16, r2
	extu.b	r2, r2
	mov	r1, r0
	and	r2, r0
	not	r2, r2
	and	r2, r1
	or	r4, r1
	ldc	r1, sr
	rts
	nop

! The port-typical mistake: write the spl value straight into SR.  IMASK is
! right, but MD, RB and BL are cleared (user mode) and T is lost.
	.globl	spllower_raw_ldc
	.align	2
spllower_raw_ldc:
	stc	sr, r0
	mov	#-16, r2
	extu.b	r2, r2
	and	r2, r0
	ldc	r4, sr
	rts
	nop

! A clock stub that returns with IMASK 0 instead of the interrupted level:
! it clears the IMASK field of the saved SSR before rte.
	.globl	Xintr_clock_norestore
	.align	2
Xintr_clock_norestore:
	stc.l	spc, @-r15
	stc.l	ssr, @-r15
	sts.l	pr, @-r15
	stc.l	r0_bank, @-r15
	stc.l	r1_bank, @-r15
	stc.l	r2_bank, @-r15
	stc	sr, r0
	mov.l	2f, r1			! ~(BL | RB | IMASK)
	and	r1, r0
	mov	#SRC_CLOCK_SPL - 256, r2
	extu.b	r2, r2
	or	r2, r0
	ldc	r0, sr
	mov.l	4f, r0
	jsr	@r0
	nop
	stc	sr, r0
	mov.l	3f, r1			! BL | RB
	or	r1, r0
	ldc	r0, sr
	ldc.l	@r15+, r2_bank
	ldc.l	@r15+, r1_bank
	ldc.l	@r15+, r0_bank
	lds.l	@r15+, pr
	ldc.l	@r15+, ssr
	ldc.l	@r15+, spc
	stc	ssr, r0
	mov.l	5f, r1			! ~PSL_IMASK: only the IMASK field changes
	and	r1, r0
	ldc	r0, ssr			! WRONG: the saved IMASK is lost
	rte
	nop
	.align	2
2:	.long	~0x300000f0
3:	.long	0x30000000
4:	.long	handler_clock
5:	.long	0xffffff0f
