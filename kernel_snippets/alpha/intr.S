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

# Registers the stub and its handler clobber: ra and pv (the call), t0 and
# t1 (the handler's).  PALcode already saved gp and a0-a2 in its frame; the
# area stays a multiple of 16 bytes.  (NetBSD's PALVECT saves a whole
# trapframe, since its handlers are C; these handlers are the ones below.)
	.macro	INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
	.align	3
Xintr_\name:
	lda	$sp, -32($sp)
	stq	$26, 0($sp)		# ra
	stq	$27, 8($sp)		# pv
	stq	$1, 16($sp)		# t0
	stq	$2, 24($sp)		# t1
	br	$27, 1f			# pv = the address of the ldgp below
1:	ldgp	$gp, 0($27)		# our own GP, as XentInt's LDGP(pv) does
	bsr	$26, handler_\name
	ldq	$26, 0($sp)
	ldq	$27, 8($sp)
	ldq	$1, 16($sp)
	ldq	$2, 24($sp)
	lda	$sp, 32($sp)
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
