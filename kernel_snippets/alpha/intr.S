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
# C handler may clobber them, but stores nothing: a state after it returns
# can then equal the state before it was taken (explored once).  The engine
# sees each run at its entry address; the race scenario's own handlers
# count in count_<name>.
# count_<name> is a quadword reached through gp; it uses t0 and t1 only.
	.macro	HANDLER name, bit, level, spl, vector
	.data
	.align	3
	.globl	count_\name
count_\name:
	.quad	0
	.text
	.weak	handler_\name		# a scenario file may supply its own
	.align	3
handler_\name:
	ldah	$1, count_\name($gp)	!gprelhigh
	ldq	$2, count_\name($1)	!gprellow
	addq	$2, 1, $2
	ret	$31, ($26), 1
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
