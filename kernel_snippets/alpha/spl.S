# alpha spl(9), written for iplemu after NetBSD/alpha 1.6
# (sys/arch/alpha/include/intr.h: _splraise, splx, spl0).
#
# The priority is the CPU's own: PS<2:0>, the IPL of the OSF/1 processor
# status.  Kernel code can touch it only through PALcode, and each PAL call
# is atomic:
#   call_pal 0x35  swpipl: v0 = the old IPL; IPL = a0<2:0>
#   call_pal 0x36  rdps:   v0 = PS
# An spl value is the IPL itself (ALPHA_PSL_IPL_0 0, SOFT 1, IO 4, CLOCK 5,
# HIGH 6).  Registers: a0 = $16 (the argument), v0 = $0 (the result),
# t0 = $1 (scratch), ra = $26.  Lowering to IPL 0 goes through spl0, which
# runs the soft interrupts pending in `ssir' (softintr_drain,
# kernel_snippets/alpha/intr.S) first; nothing else touches memory.
	.include "port.inc"
	.set	noreorder
	.text

# int splraise(int s): raise to s, never lower; returns the old IPL.
# NetBSD _splraise(s): cur = rdps() & ALPHA_PSL_IPL_MASK;
#                      return s > cur ? swpipl(s) : cur;
	.weak	splraise
	.align	3
splraise:
	call_pal 0x36			# rdps: v0 = PS
	and	$0, 7, $0		# v0 = cur, the IPL field
	cmple	$16, $0, $1		# t0 = (s <= cur)
	bne	$1, 1f			# not higher: leave PS alone, return cur
	call_pal 0x35			# swpipl(s): v0 = old IPL (= cur)
1:	ret	$31, ($26), 1

# int spllower(int s): set exactly s, whatever the current IPL; returns the
# old IPL.  NetBSD/alpha 1.6 had no spllower: written as splx is, spl0()
# for IPL 0, else one swpipl.
	.weak	spllower
	.align	3
spllower:
	beq	$16, 2f			# going to IPL 0: spl0 does it
	call_pal 0x35			# swpipl(s): v0 = old IPL
	ret	$31, ($26), 1
2:	br	$1, 3f			# t0 = the address of 3
3:	ldgp	$gp, 0($1)		# this procedure's GP, from its own address
	lda	$27, spl0		# pv = spl0, as a call passes it
	jmp	$31, ($27), spl0	# spl0 returns to our caller

# int splx(int s): restore an IPL an spl call returned.
# NetBSD: splx(s) = (s == ALPHA_PSL_IPL_0 ? spl0() : swpipl(s)).
	.weak	splx
	.align	3
splx:
	beq	$16, 2f			# going to IPL 0: spl0 does it
	call_pal 0x35			# swpipl(s): v0 = old IPL
	ret	$31, ($26), 1
2:	br	$1, 3f			# t0 = the address of 3
3:	ldgp	$gp, 0($1)		# this procedure's GP, from its own address
	lda	$27, spl0		# pv = spl0, as a call passes it
	jmp	$31, ($27), spl0	# spl0 returns to our caller

# int spl0(void): IPL 0, after the soft interrupts pending in ssir have run
# (softintr_drain, kernel_snippets/alpha/intr.S); returns the old IPL.
# NetBSD's spl0 (machdep.c 1.210) tests ssir at the caller's IPL, then
# swpipl(0): an interrupt that posts a soft one between the two returns to
# that IPL, not to 0, so its exception_return leaves it, and it waits for
# the next interrupt (tests/data/broken/alpha/netbsd_spl0_window.S).
# softintr_drain returns at ALPHA_PSL_IPL_HIGH with none pending, and this
# lowers from there to 0 in one swpipl: a request held meanwhile is taken
# at IPL 0, and its return runs what it posts.  Reached by a jump from
# splx and spllower too, which pass it its address in pv as a call does
# (the Alpha calling standard; NetBSD's splx macro calls spl0()): a user's
# spl0 in C, replacing this weak one, finds its GP from pv (red team 40 A
# F2).  This one finds its GP from its own address all the same.
	.weak	spl0
	.align	3
spl0:
	br	$1, 1f
1:	ldgp	$gp, 0($1)
	lda	$sp, -32($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
	call_pal 0x36			# rdps: v0 = PS
	and	$0, 7, $9		# the old IPL, kept in s0 for the return
	stq	$gp, 16($sp)
	lda	$27, softintr_drain
	jsr	$26, ($27), softintr_drain
	ldq	$gp, 16($sp)
	mov	$31, $16		# a0 = ALPHA_PSL_IPL_0
	call_pal 0x35			# swpipl(0)
	mov	$9, $0			# the old IPL
	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 32($sp)
	ret	$31, ($26), 1

# int splhigh(void): IPL := ALPHA_PSL_IPL_HIGH; returns the old IPL.
# NetBSD: splhigh() = _splraise(ALPHA_PSL_IPL_HIGH); nothing is above it
# in this model, so raising to it and setting it are the same.
	.weak	splhigh
	.align	3
splhigh:
	lda	$16, SPL_HIGH($31)	# a0 = ALPHA_PSL_IPL_HIGH
	call_pal 0x35			# swpipl: v0 = old IPL
	ret	$31, ($26), 1
