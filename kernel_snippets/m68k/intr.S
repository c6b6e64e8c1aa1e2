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

| A handler counts its runs in count_<name>.
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name
count_\name:
	.long	0
	.text
	.weak	handler_\name		| a scenario file may supply its own
handler_\name:
	addq.l	#1,count_\name
	rts
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
