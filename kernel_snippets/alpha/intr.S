# alpha interrupt stubs and handlers, written for iplemu after NetBSD/alpha
# 1.6's XentInt (sys/arch/alpha/alpha/locore.s: PALVECT saves the
# registers, LDGP, CALL(interrupt), exception_return ends in rti).
#
# OSF/1 PALcode enters Xintr_<name> having pushed PS, PC, GP, a0, a1, a2
# (48 bytes, PS at sp+0), raised PS<IPL> to the source's level and loaded
# a0 = interrupt type, a1 = vector: the handler runs at its own IPL and
# call_pal 0x3f (rti) restores the interrupted PS and registers.  One stub
# per source of archs/alpha.yaml.
#
# Soft interrupts are simulated, as NetBSD/alpha's: a soft source's stub
# stands for the device interrupt that posts it (hardclock()'s
# setsoftclock(), a network driver's setsoftnet()) and only sets its bit
# in `ssir'.  Every stub returns through exception_return's test (locore.s
# 1.94, read via OpenBSD locore.s 1.39): when the interrupted IPL is 0, it
# runs the soft interrupts pending (softintr_drain) before the rti that
# lowers to 0.  NetBSD's looks at ssir at the interrupt's own IPL, where an
# interrupt above it may still post one that its return (to that IPL, not
# 0) leaves pending across the rti; softintr_drain returns at
# ALPHA_PSL_IPL_HIGH with none pending, so that nothing is posted between
# its last look and the rti.
	.include "port.inc"
	.set	noat
	.set	noreorder

	.data
	.align	3
	.globl	ssir
ssir:					# the pending soft interrupts, 1 << IPL_SOFT*
	.quad	0

# The handler is a C function (the engine treats it as one: its return
# leaves every register the calling standard lets a callee change
# undefined), so the stub saves all of them that PALcode did not, as
# NetBSD's PALVECT saves a whole trapframe: v0, t0-t7, a3-a5, t8-t11, ra,
# pv and at (PALcode already saved gp and a0-a2 in its frame; the area
# stays a multiple of 16 bytes).
	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
	.align	3
Xintr_\name:
	lda	$sp, -160($sp)
	slot = 0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	stq	$\n, slot($sp)
	slot = slot + 8
	.endr
	br	$27, 1f			# pv = the address of the ldgp below
1:	ldgp	$gp, 0($27)		# our own GP, as XentInt's LDGP(pv) does
	.if	\bit >= 0
	# a soft source: post it, as atomic_setbits_ulong(&ssir, 1 << \bit)
	ldah	$1, ssir($gp)		!gprelhigh
	lda	$1, ssir($1)		!gprellow
2:	ldq_l	$2, 0($1)
	bis	$2, 1 << \bit, $2
	stq_c	$2, 0($1)
	beq	$2, 2b			# the lock was lost (an interrupt): again
	.else
	lda	$27, handler_\name	# the calling standard's pv: a compiled
	jsr	$26, ($27), handler_\name	# handler's ldgp computes its GP from it
	br	$27, 3f
3:	ldgp	$gp, 0($27)		# a callee may change gp
	.endif
	# exception_return: back to IPL 0, the soft interrupts pending run first
	ldq	$1, 160($sp)		# the interrupted PS (PALcode's frame)
	and	$1, 7, $1
	bne	$1, 9f			# not IPL 0: they wait for spl0
	lda	$27, softintr_drain
	jsr	$26, ($27), softintr_drain	# returns at IPL_HIGH: rti lowers
9:	slot = 0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	ldq	$\n, slot($sp)
	slot = slot + 8
	.endr
	lda	$sp, 160($sp)
	call_pal 0x3f			# rti: pop PS (the interrupted IPL), PC, gp, a0-a2
	.endm

# void softintr_drain(void): run the soft interrupts pending in ssir until
# none is; returns at ALPHA_PSL_IPL_HIGH with ssir empty, so that the
# caller's lowering to IPL 0 (spl0's swpipl, exception_return's rti) lets no
# newly posted one wait.  At IPL_HIGH it takes all the bits (nothing can
# post in between); at ALPHA_PSL_IPL_SOFT it runs the handler of every soft
# source whose bit was set, lowest bit first, as NetBSD interrupt.c 1.46's
# softintr_dispatch does (read via OpenBSD interrupt.c 1.18: while ((n =
# atomic_loadlatch_ulong(&ssir, 0)) != 0) ...); then it looks again.
# Called by the calling standard (pv = its address); keeps n in s0.
	.macro	DISPATCH_ONE name, bit, level, spl, vector
	.if	\bit == dispatch_bit
	srl	$9, \bit, $2
	blbc	$2, 8f
	lda	$27, handler_\name
	jsr	$26, ($27), handler_\name
	ldgp	$gp, 0($26)
8:
	.endif
	.endm

	.text
	.weak	softintr_drain		# replaceable, as every routine here (archs/README.md)
	.align	3
softintr_drain:
	ldgp	$gp, 0($27)
	lda	$sp, -16($sp)
	stq	$26, 0($sp)
	stq	$9, 8($sp)
1:	lda	$16, SPL_HIGH($31)
	call_pal 0x35			# swpipl(HIGH)
	ldah	$1, ssir($gp)		!gprelhigh
	ldq	$9, ssir($1)		!gprellow
	beq	$9, 9f			# none pending: return at IPL_HIGH
	ldah	$1, ssir($gp)		!gprelhigh
	stq	$31, ssir($1)		!gprellow
	lda	$16, SPL_SOFTCLOCK($31)	# ALPHA_PSL_IPL_SOFT
	call_pal 0x35
	.irp	b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	dispatch_bit = \b
	IPLEMU_SOURCES DISPATCH_ONE
	.endr
	br	1b
9:	ldq	$26, 0($sp)
	ldq	$9, 8($sp)
	lda	$sp, 16($sp)
	ret	$31, ($26), 1

# A handler reads count_<name> and adds one in scratch registers, as a
# C handler may clobber them, but stores nothing of its own: a state after
# it returns can then equal the state before it was taken (explored once).
# The engine sees each run at its entry address; the race scenario's own
# handlers count in count_<name>.
#
# Then it calls spl routines as every NetBSD driver handler does (s =
# splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
# it with reenter_arg_<name>, then reenter_restore_<name> with what it
# returned, through the pointers and by the port's ABI.  `check' sets the
# three words so that the routine under check is one of the two calls
# (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
# (run, race), and the handler calls nothing.  The pair leaves the
# priority as it found it, and what the calls leave on the stack is the
# free stack an interrupt's return poisons.
# count_<name> is a quadword reached through gp; it uses t0 and t1, and
# for the calls a 16-byte frame keeping ra and gp (a callee may change gp).
	.macro	HANDLER name, bit, level, spl, vector
	.data
	.align	3
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.quad	0
reenter_raise_\name:			# pointers, as wide as a register
	.quad	0
reenter_arg_\name:
	.quad	0
reenter_restore_\name:
	.quad	0
	.text
	.weak	handler_\name		# a scenario file may supply its own
	.align	3
handler_\name:
	ldah	$1, count_\name($gp)	!gprelhigh
	ldq	$2, count_\name($1)	!gprellow
	addq	$2, 1, $2
	ldah	$1, reenter_raise_\name($gp)	!gprelhigh
	ldq	$27, reenter_raise_\name($1)	!gprellow
	bne	$27, 1f
	ret	$31, ($26), 1
1:	lda	$sp, -16($sp)
	stq	$26, 0($sp)
	stq	$gp, 8($sp)
	ldah	$1, reenter_arg_\name($gp)	!gprelhigh
	ldq	$16, reenter_arg_\name($1)	!gprellow
	jsr	$26, ($27)		# s = raise(arg); pv = the callee
	ldq	$gp, 8($sp)
	ldah	$1, reenter_restore_\name($gp)	!gprelhigh
	ldq	$27, reenter_restore_\name($1)	!gprellow
	mov	$0, $16
	jsr	$26, ($27)		# restore(s)
	ldq	$26, 0($sp)
	ldq	$gp, 8($sp)
	lda	$sp, 16($sp)
	ret	$31, ($26), 1
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
