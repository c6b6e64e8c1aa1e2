| m68k interrupt stubs and handlers, written for iplemu.  The CPU enters
| Xintr_<name> having pushed a format-0 frame and set SR.I to the source's
| level (M68030 UM §8.1.9), so the handler runs at its own level; `rte`
| restores the interrupted SR.  One stub per source of archs/m68k.yaml.
	.include "port.inc"

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_\name
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
	.endm

| A handler reads count_<name> and adds one in scratch registers, as a
| C handler may clobber them, but stores nothing of its own: a state after
| it returns can then equal the state before it was taken (explored once).
| The engine sees each run at its entry address; the race scenario's own
| handlers count in count_<name>.
|
| Then it calls spl routines as every NetBSD driver handler does (s =
| splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
| it with reenter_arg_<name>, then reenter_restore_<name> with what it
| returned, through the pointers and by the port's ABI.  `check' sets the
| three words so that the routine under check is one of the two calls
| (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
| (run, race), and the handler calls nothing.  The pair leaves the
| priority as it found it, and what the calls leave on the stack is the
| free stack an interrupt's return poisons.
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.long	0
reenter_raise_\name:
	.long	0
reenter_arg_\name:
	.long	0
reenter_restore_\name:
	.long	0
	.text
	.weak	handler_\name		| a scenario file may supply its own
handler_\name:
	move.l	count_\name,%d0
	addq.l	#1,%d0
	move.l	reenter_raise_\name,%d1
	beq.s	1f
	move.l	%d1,%a0
	move.l	reenter_arg_\name,-(%sp)
	jsr	(%a0)			| s = raise(arg)
	move.l	%d0,(%sp)		| the argument slot is the callee's: reload it
	move.l	reenter_restore_\name,%a0
	jsr	(%a0)			| restore(s)
	addq.l	#4,%sp
1:	rts
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
