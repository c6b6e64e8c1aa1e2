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
| C handler may clobber them, but stores nothing: a state after it returns
| can then equal the state before it was taken (explored once).  The engine
| sees each run at its entry address; the race scenario's own handlers
| count in count_<name>.
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name
count_\name:
	.long	0
	.text
	.weak	handler_\name		| a scenario file may supply its own
handler_\name:
	move.l	count_\name,%d0
	addq.l	#1,%d0
	rts
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
