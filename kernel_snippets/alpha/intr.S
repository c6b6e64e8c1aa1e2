# alpha interrupt stubs and handlers, written for iplemu after NetBSD/alpha
# 1.6's XentInt (sys/arch/alpha/alpha/locore.s: PALVECT saves the
# registers, LDGP, CALL(interrupt), exception_return ends in rti).
#
# OSF/1 PALcode enters Xintr_<name> having pushed PS, PC, GP, a0, a1, a2
# (48 bytes, PS at sp+0), raised PS<IPL> to the source's level and loaded
# a0 = interrupt type, a1 = vector: the handler runs at its own IPL and
# call_pal 0x3f (rti) restores the interrupted PS and registers.  One stub
# per source of archs/alpha.yaml.
	.include "port.inc"
	.set	noat
	.set	noreorder

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
	lda	$27, handler_\name	# the calling standard's pv: a compiled
	jsr	$26, ($27), handler_\name	# handler's ldgp computes its GP from it
	slot = 0
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28
	ldq	$\n, slot($sp)
	slot = slot + 8
	.endr
	lda	$sp, 160($sp)
	call_pal 0x3f			# rti: pop PS (the interrupted IPL), PC, gp, a0-a2
	.endm

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
