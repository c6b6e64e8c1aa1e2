/* hppa routines and stubs each breaking one clause of the contract
   (archs/README.md), linked with kernel_snippets/hppa (test data). */
	.include "port.inc"

	.text
/* returns_previous: returns the new cpl instead of the old one. */
	.globl	splraise_returns_new
splraise_returns_new:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %r19
	or	%r19, %arg0, %ret0	; WRONG: the result is the new cpl
	bv	%r0(%rp)
	stw	%ret0, R%cpl(%r1)

/* preserves: uses r3 (callee-saved) as a temporary. */
	.globl	splraise_clobbers_r3
splraise_clobbers_r3:
	ldil	L%cpl, %r3		; WRONG: r3 is the caller's
	ldw	R%cpl(%r3), %ret0
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r3)

/* preserves: keeps the old cpl in the frame marker's Previous SP word,
   -4(sp).  Of the caller's frame marker only Current RP, -20(sp), is the
   callee's to write (PA-RISC Procedure Calling Conventions §2.3; the
   fixed argument area, -36..-52(sp), is its too, §2.4): Previous SP is
   the caller's entry sp (abi.stack_reserve_kept). */
	.globl	splraise_previous_sp
splraise_previous_sp:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	stw	%ret0, -4(%sp)		; WRONG: the caller's Previous SP
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)

/* preserves: the slow path of spllower, but EIEM is not given back:
   external interrupts stay masked after the return. */
	.globl	splx_eiem_off
splx_eiem_off:
	ldil	L%cpl, %r19
	stw	%arg0, R%cpl(%r19)
	mtctl	%r0, %eiem		; WRONG: never restored
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r1
	andcm,<> %r1, %arg0, %r1
	bv,n	%r0(%rp)
	stw	%rp, -20(%sp)
	ldo	64(%sp), %sp
	bl	intr_dispatch, %rp
	copy	%r0, %arg1
	ldo	-64(%sp), %sp
	ldw	-20(%sp), %rp
	bv,n	%r0(%rp)

/* no_fault: takes its argument for a pointer to the new cpl (splx(&s)
   where splx(s) was meant): reads an unmapped address. */
	.globl	splx_derefs
splx_derefs:
	ldw	0(%arg0), %arg0
	b,n	spllower

/* defined_only: ORs r20, which the call leaves undefined, into the cpl
   it stores and returns. */
	.globl	splraise_stale_r20
splraise_stale_r20:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %r20, %ret0	; WRONG: r20 was never set
	or	%ret0, %arg0, %r19
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)

/* defined_only: adds the carry (PSW C/B{0}) to the cpl it stores and
   returns, but no instruction since the call wrote C/B: the runtime does
   not preserve the PSW across calls (abi.scratch psw:0xff00). */
	.globl	splraise_stale_carry
splraise_stale_carry:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19	; or writes no carry
	addc	%r19, %r0, %r19		; WRONG: C/B never written
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)

/* defined_only, only when the clock runs in the middle: reads count_clock
   twice and, when it changed, returns at once if the carry is set, which
   nothing since the call wrote (the compares write no C/B).  The baseline
   never reads it; the case that delivers the clock between the two reads
   ends otherwise when C/B is flipped. */
	.globl	spllower_carry_after_clock
spllower_carry_after_clock:
	ldil	L%count_clock, %r1
	ldw	R%count_clock(%r1), %r19
	ldw	R%count_clock(%r1), %r20
	cmpb,=,n %r19, %r20, 2f		; no clock in between
	addc	%r0, %r0, %r21		; WRONG: C/B never written
	cmpib,<>,n 0, %r21, 1f		; carry set: "already there"
2:	b,n	spllower
1:	bv,n	%r0(%rp)

/* Not broken: the carry it reads is the one its own sub wrote (C/B{0} = 1:
   no borrow from cpl - 0), so both worlds end alike. */
	.globl	splraise_own_carry
splraise_own_carry:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	sub	%ret0, %r0, %r19	; writes C/B: C/B{0} = 1
	or	%ret0, %arg0, %r19
	addc	%r19, %r0, %r19		; adds 1 ...
	ldo	-1(%r19), %r19		; ... taken back
	bv	%r0(%rp)
	stw	%r19, R%cpl(%r1)

/* Stubs replacing the clock's (Xintr_clock). */

/* handler_priority: saves the interrupted state as the port's stub does
   (kernel_snippets/hppa/intr.S) and enters the handler with the kernel's
   PSW (abi.entry_state), but at the interrupted cpl, without raising it
   to the clock's spl; returns through the port's Xintr_exit. */
	.globl	Xintr_clock_lowers
Xintr_clock_lowers:
	mtctl	%r1, %tr2
	copy	%sp, %r1
	ldo	192(%sp), %sp		; intr.S's FRAME
	stw	%rp, 4(%r1)
	.irp	n, 19, 20, 21, 22, 23, 24, 25, 26
	stw	%r\n, 8 + 4 * (\n - 19)(%r1)
	.endr
	stw	%r28, 40(%r1)
	stw	%r29, 44(%r1)
	stw	%r31, 48(%r1)
	mfctl	%tr2, %r19
	stw	%r19, 0(%r1)
	mfctl	%sar, %r19
	stw	%r19, 52(%r1)
	mfctl	%pcoq, %r19		; the queues: front, then back
	stw	%r19, 56(%r1)
	mtctl	%r0, %pcoq
	mfctl	%pcoq, %r19
	stw	%r19, 60(%r1)
	mfctl	%pcsq, %r19
	stw	%r19, 64(%r1)
	mtctl	%r0, %pcsq
	mfctl	%pcsq, %r19
	stw	%r19, 68(%r1)
	mfctl	%ipsw, %r19
	stw	%r19, 72(%r1)
	mfctl	%eiem, %r19
	stw	%r19, 76(%r1)
	mtctl	%r0, %eiem
	ldil	L%(1 << SRC_CLOCK_LEVEL), %r19
	ldo	R%(1 << SRC_CLOCK_LEVEL)(%r19), %r19
	mtctl	%r19, %eirr		; acknowledge the line
	ldil	L%1f, %r19
	ldo	R%1f(%r19), %r19
	mtctl	%r19, %pcoq
	ldo	4(%r19), %r19
	mtctl	%r19, %pcoq
	mtctl	%r0, %pcsq
	mtctl	%r0, %pcsq
	ldil	L%0x4000f, %r19		; the kernel's PSW: C|Q|P|D|I
	ldo	R%0x4000f(%r19), %r19
	mtctl	%r19, %ipsw
	rfi
	nop
1:	bl	handler_clock, %rp	; WRONG: cpl not raised
	nop
	b,n	Xintr_exit

/* served_once: when cpl blocks the clock, acknowledges its line and
   returns without pending it.  (Without the acknowledgement EIRR would
   still hold the request and the CPU would take it again at once: a storm,
   no_fault; PA-RISC 1.1 manual ch. 5, external interrupts.) */
	.globl	Xintr_clock_drops
Xintr_clock_drops:
	mtctl	%r1, %tr3
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %r1
	extru,<> %r1, 31 - SRC_CLOCK_BIT, 1, %r0	; blocked: nullify the branch
	b	Xintr_clock
	mfctl	%tr3, %r1
	ldil	L%(1 << SRC_CLOCK_LEVEL), %r1
	ldo	R%(1 << SRC_CLOCK_LEVEL)(%r1), %r1
	mtctl	%r1, %eirr		; acknowledge the line
	mfctl	%tr3, %r1
	rfi				; WRONG: blocked, and not pended
	nop

/* interrupt_transparent: changes r22 of the interrupted code before the
   real stub saves it. */
	.globl	Xintr_clock_clobbers
Xintr_clock_clobbers:
	b	Xintr_clock
	ldi	7, %r22			; WRONG: r22 is the interrupted code's

/* preserves (PSW I): the rfi path loses the PSW I bit: the interrupted
   code goes on with external interrupts off. */
	.globl	Xintr_clock_loses_i
Xintr_clock_loses_i:
	mtctl	%r1, %tr3
	mfctl	%ipsw, %r1
	depi	0, 31, 1, %r1		; WRONG: IPSW[I] cleared
	mtctl	%r1, %ipsw
	b	Xintr_clock
	mfctl	%tr3, %r1

/* Ignores nullification: the interrupted PSW's N bit is dropped, so the
   instruction the interrupted code had nullified runs after the rfi
   (spllower's andcm,<> nullifies its return when a replay is due). */
	.globl	Xintr_clock_nonull
Xintr_clock_nonull:
	mtctl	%r1, %tr3
	mfctl	%ipsw, %r1
	depi	0, 10, 1, %r1		; WRONG: IPSW[N] (0x00200000) cleared
	mtctl	%r1, %ipsw
	b	Xintr_clock
	mfctl	%tr3, %r1

/* Not broken: splx whose path depends on a nullified instruction (the
   cmpclr always nullifies the ldi).  An interrupt taken just before the
   ldi must come back with PSW[N] = 1 (IPSW, restored by rfi), or the ldi
   runs and the routine restores "block everything". */
	.globl	splx_nullifies
splx_nullifies:
	cmpclr,= %r0, %r0, %r0
	ldi	-1, %arg0		; nullified
	b,n	spllower

/* The clock's handler for this file: it counts its runs in count_clock,
   which spllower_carry_after_clock reads (the stock handler stores
   nothing). */
	.globl	handler_clock
handler_clock:
	ldil	L%count_clock, %r1
	ldw	R%count_clock(%r1), %r19
	ldo	1(%r19), %r19
	bv	%r0(%rp)
	stw	%r19, R%count_clock(%r1)
