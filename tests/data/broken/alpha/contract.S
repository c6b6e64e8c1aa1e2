# alpha routines and stubs that break one clause of the spl contract each
# (issue 9); the property each must fail is named beside it.
	.include "port.inc"
	.set	noat
	.set	noreorder
	.text

# returns_previous: returns the level asked for instead of swpipl's old one.
	.globl	splraise_returns_new
	.align	3
splraise_returns_new:
	call_pal 0x36			# rdps
	and	$0, 7, $0
	cmple	$16, $0, $1
	bne	$1, 1f
	call_pal 0x35			# swpipl(s)
	mov	$16, $0			# "return the new level"
1:	ret	$31, ($26), 1

# preserves: keeps the current level in s0 ($9), which is callee-saved.
	.globl	splraise_clobbers_s0
	.align	3
splraise_clobbers_s0:
	call_pal 0x36
	and	$0, 7, $9
	cmple	$16, $9, $1
	mov	$9, $0
	bne	$1, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1

# no_fault: takes its argument for a pointer to the level (splx(&s)).
	.globl	splx_derefs
	.align	3
splx_derefs:
	ldq	$16, 0($16)
	call_pal 0x35
	ret	$31, ($26), 1

# handler_priority: a clock stub that drops to IPL 0 before the handler.
	.globl	Xintr_clock_lowers
	.align	3
Xintr_clock_lowers:
	lda	$sp, -48($sp)
	stq	$26, 0($sp)
	stq	$27, 8($sp)
	stq	$1, 16($sp)
	stq	$2, 24($sp)
	stq	$16, 32($sp)
	stq	$0, 40($sp)
	mov	$31, $16
	call_pal 0x35			# swpipl(0): "let the others in"
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$27, handler_clock	# pv = the handler (abi.callee_address)
	jsr	$26, ($27), handler_clock
	ldq	$26, 0($sp)
	ldq	$27, 8($sp)
	ldq	$1, 16($sp)
	ldq	$2, 24($sp)
	ldq	$16, 32($sp)
	ldq	$0, 40($sp)
	lda	$sp, 48($sp)
	call_pal 0x3f			# rti

# served_once: a clock stub that skips the handler when it interrupted a
# raised IPL, recording nothing: the request is lost.
	.globl	Xintr_clock_drops
	.align	3
Xintr_clock_drops:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$27, 8($sp)
	stq	$1, 16($sp)
	stq	$2, 24($sp)
	ldq	$1, 32($sp)		# the interrupted PS from the PAL frame
	and	$1, 7, $1
	bne	$1, 2f			# raised: "later"
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$27, handler_clock	# pv = the handler (abi.callee_address)
	jsr	$26, ($27), handler_clock
2:	ldq	$26, 0($sp)
	ldq	$27, 8($sp)
	ldq	$1, 16($sp)
	ldq	$2, 24($sp)
	lda	$sp, 32($sp)
	call_pal 0x3f

# defined_only: compares with t2 ($3), which was never set (meant: t0).
	.globl	splraise_stale_t2
	.align	3
splraise_stale_t2:
	call_pal 0x36
	and	$0, 7, $0
	cmple	$16, $3, $1
	bne	$1, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1

# interrupt_transparent: a clock stub that saves ra, pv, t0 and t1 but
# uses t2 ($3) too.
	.globl	Xintr_clock_clobbers
	.align	3
Xintr_clock_clobbers:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$27, 8($sp)
	stq	$1, 16($sp)
	stq	$2, 24($sp)
	ldq	$3, 32($sp)		# the interrupted PS, "for statistics"
	br	$27, 1f
1:	ldgp	$gp, 0($27)
	lda	$27, handler_clock	# pv = the handler (abi.callee_address)
	jsr	$26, ($27), handler_clock
	ldq	$26, 0($sp)
	ldq	$27, 8($sp)
	ldq	$1, 16($sp)
	ldq	$2, 24($sp)
	lda	$sp, 32($sp)
	call_pal 0x3f

# returns_previous (a PAL clobber): keeps the current level in t0 ($1)
# across swpipl, which PALcode may change (alpha_cpu.h's clobber list).
	.globl	splraise_keeps_t0
	.align	3
splraise_keeps_t0:
	call_pal 0x36
	and	$0, 7, $1		# t0 = cur
	cmple	$16, $1, $2
	bne	$2, 1f
	call_pal 0x35			# swpipl(s): t0 is not ours any more
1:	mov	$1, $0			# return cur ... from t0
	ret	$31, ($26), 1

# returns_previous: returns the old IPL with bit 32 set: an int result is
# sign-extended to 64 bits by the callee (abi.result_upper), and a caller
# tests the whole register (s == 0: beq $0).  (Red-team pass 3.)
	.globl	splraise_unextended
	.align	3
splraise_unextended:
	call_pal 0x36
	and	$0, 7, $0
	cmple	$16, $0, $1
	bne	$1, 1f
	call_pal 0x35
1:	lda	$2, 1($31)
	sll	$2, 32, $2
	or	$0, $2, $0
	ret	$31, ($26), 1

# no_fault: clamps s through a byte table read with LDBU, a BWX instruction
# (Alpha ARM §4.2, the byte/word extension of the 21164A and later).  The
# port's CPU is the 21064 (cpu.model ev4, -mcpu=ev4), where its opcode is
# reserved: an OPCDEC fault.  It held before the CPU model knew its
# extensions (red-team pass 3b F6).
	.data
splraise_ldbu_clamp:
	.byte	0, 1, 2, 3, 4, 5, 6, 6
	.text
	.globl	splraise_ldbu
	.align	3
splraise_ldbu:
	.arch	ev56
	ldgp	$gp, 0($27)
	lda	$2, splraise_ldbu_clamp
	addq	$2, $16, $2
	ldbu	$16, 0($2)		# BWX: OPCDEC on EV4
	call_pal 0x36
	and	$0, 7, $0
	cmple	$16, $0, $3
	bne	$3, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1
	.arch	ev4

# Correct: the same with the EV4 byte idiom (ldq_u + extbl).
	.globl	splraise_extbl_ok
	.align	3
splraise_extbl_ok:
	ldgp	$gp, 0($27)
	lda	$2, splraise_ldbu_clamp
	addq	$2, $16, $2
	ldq_u	$3, 0($2)
	extbl	$3, $2, $16
	call_pal 0x36
	and	$0, 7, $0
	cmple	$16, $0, $3
	bne	$3, 1f
	call_pal 0x35
1:	ret	$31, ($26), 1

# returns_previous: records the level it interrupts in a word of its own
# with ldq_l/stq_c, then returns what the word holds, taking the stq_c's
# success for granted (its Ra is not looked at, nothing retries).  An
# interrupt between the two clears lock_flag (Alpha ARM §4.2.4: it may,
# and the model does), the stq_c stores nothing (§4.2.5), and the routine
# returns the word's old value.
	.data
	.align	3
splraise_llsc_saved:
	.quad	0
	.text
	.globl	splraise_llsc_no_retry
	.align	3
splraise_llsc_no_retry:
	ldgp	$gp, 0($27)
	lda	$2, splraise_llsc_saved
	call_pal 0x36			# rdps
	and	$0, 7, $3
	ldq_l	$4, 0($2)
	mov	$3, $4
	stq_c	$4, 0($2)		# "it stored": $4 (1 or 0) is ignored
	cmple	$16, $3, $1
	bne	$1, 1f
	call_pal 0x35			# swpipl(s)
1:	ldq	$0, 0($2)		# the level recorded
	ret	$31, ($26), 1

# The same, retrying until the stq_c succeeds (Ra = 1), as the ARM's
# §4.2.5 example loop does.  Listed as correct until red team 17: BUG, it
# is not re-entrant: the store is atomic but the reload after swpipl is
# not, and a handler calling it in between (the clock's does, as a
# driver's: emu/reenter.py) leaves its own level in splraise_llsc_saved,
# which this call then returns (nesting, returns_previous).
	.globl	splraise_llsc_static
	.align	3
splraise_llsc_static:
	ldgp	$gp, 0($27)
	lda	$2, splraise_llsc_saved
	call_pal 0x36			# rdps
	and	$0, 7, $3
1:	ldq_l	$4, 0($2)
	mov	$3, $4
	stq_c	$4, 0($2)
	beq	$4, 1b			# lock_flag was cleared: try again
	cmple	$16, $3, $1
	bne	$1, 2f
	call_pal 0x35			# swpipl(s)
2:	ldq	$0, 0($2)		# the level recorded
	ret	$31, ($26), 1
