/*
 * hppa spl(9), written for iplemu after the design of NetBSD/hp700
 * (sys/arch/hp700/include/intr.h 1.3: splraise inline, spllower in
 * locore.S; sys/arch/hp700/hp700/intr.c: hp700_intr_dispatch).
 *
 * The priority is software: `cpl` is the mask of blocked spl bits and
 * `ipending` the bits that arrived while blocked.  PSW[I] stays 1 at every
 * spl; EIEM (CR15) is zeroed while ipending is looked at and dispatched,
 * and given back afterwards.  Lowering replays what became unblocked.
 *
 * PA-RISC runtime: argument in r26 (arg0), result in r28 (ret0), return
 * pointer r2 (rp); r1, r19-r26, r28, r29, r31 are scratch; r3-r18 kept.
 * The stack grows upward: a routine's frame starts at sp and the 64 bytes
 * below sp are the caller's frame marker and argument area (rp is saved
 * at -20(sp)).
 */
	.include "port.inc"

	.data
	.globl	$global$, cpl, ipending
$global$:			; the base GCC's code reaches data from: a call
				; sets dp here (abi.global_pointer; the linker's
				; own $global$ is not kept in the symbol table)
cpl:		.long	0
ipending:	.long	0

	.text
/* int splraise(int ncpl): cpl |= ncpl, so it never lowers; returns the
   old cpl.  The store sits in the delay slot of the return. */
	.weak	splraise
splraise:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)

/* void spllower(int ncpl), void splx(int ncpl): cpl = ncpl; when
   ipending has a bit ncpl no longer blocks, replay it.  The andcm,<>
   nullifies the return when ipending & ~ncpl is not 0: the instruction
   in the return's delay slot then runs as the first one of the slow path,
   which zeroes EIEM, looks again (an interrupt may have dispatched it
   meanwhile) and calls intr_dispatch; EIEM comes back in the delay slot
   of the return.
   NetBSD's locore.S loads ipending *before* it stores cpl (the store is
   the delay slot of the return).  Run here, that order loses a source
   that arrives between the two while the old cpl blocks it and the new
   one does not: the stub pends it and spllower returns without a replay
   (tests/data/broken/hppa/broken.S spllower_netbsd_order, no_lost).  This
   routine stores cpl first, as i386's spllower does. */
	.weak	spllower, splx
splx:
spllower:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv	%r0(%rp)
	mfctl	%eiem, %arg1
	mtctl	%r0, %eiem		; no external interrupt now
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	b,n	spllower_out		; beaten: an interrupt dispatched it
	stw	%rp, -20(%sp)
	stwm	%arg1, 64(%sp)		; keep the EIEM to give back
	bl	intr_dispatch, %rp	; intr_dispatch(ncpl, eiem)
	nop
	ldwm	-64(%sp), %arg1
	ldw	-20(%sp), %rp
spllower_out:
	bv	%r0(%rp)
	mtctl	%arg1, %eiem

/* void intr_dispatch(int ncpl, int eiem): hp700_intr_dispatch.  Called
   with EIEM = 0.  While ipending has a bit ncpl does not block, take the
   lowest (ffs), clear it, cpl = ncpl | the source's spl, EIEM = eiem
   while its handler runs, then EIEM = 0 and look again.  At the end
   cpl = ncpl; EIEM stays 0 (the caller gives it back). */
	.macro	DISPATCH_CASE name, bit, level, spl, vector
	ldil	L%(1 << \bit), %r19
	ldo	R%(1 << \bit)(%r19), %r19
	and,<>	%r21, %r19, %r0		; this source's bit runs?
	b,n	1f
	andcm	%r20, %r19, %r20
	stw	%r20, R%ipending(%r1)	; claim it
	ldil	L%\spl, %r19
	ldo	R%\spl(%r19), %r19
	or	%r3, %r19, %r19
	ldil	L%cpl, %r1
	stw	%r19, R%cpl(%r1)	; cpl = ncpl | spl
	mtctl	%r4, %eiem		; interrupts on while it runs
	bl	handler_\name, %rp
	nop
	mtctl	%r0, %eiem
	b,n	dispatch_loop
1:
	.endm

	.weak	intr_dispatch
intr_dispatch:
	stw	%rp, -20(%sp)
	stwm	%r3, 64(%sp)
	stw	%r4, -60(%sp)
	copy	%arg0, %r3		; ncpl
	copy	%arg1, %r4		; eiem
dispatch_loop:
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r20
	andcm	%r20, %r3, %r21		; ipending & ~ncpl
	cmpb,=,n %r21, %r0, dispatch_done
	IPLEMU_SOURCES DISPATCH_CASE
	break	0, 0			; a pending bit with no source
dispatch_done:
	ldil	L%cpl, %r1
	stw	%r3, R%cpl(%r1)		; cpl = ncpl
	ldw	-84(%sp), %rp
	ldw	-60(%sp), %r4
	bv	%r0(%rp)
	ldwm	-64(%sp), %r3

/* void spl0(void), void splhigh(void): set cpl to imask[IPL_NONE] (0) or
   imask[IPL_HIGH], whatever it was, replaying what the new cpl leaves
   unblocked (spllower does both).  hp700 intr.h: spl0() is spllower(0);
   splhigh() is a raise to imask[IPL_HIGH] (from IPL_SERIAL it stays
   there): this one sets IPL_HIGH exactly, the contract of a `set` routine
   (archs/README.md). */
	.weak	spl0
spl0:
	b	spllower
	copy	%r0, %arg0

	.weak	splhigh
splhigh:
	ldil	L%SPL_HIGH, %arg0
	b	spllower
	ldo	R%SPL_HIGH(%arg0), %arg0
