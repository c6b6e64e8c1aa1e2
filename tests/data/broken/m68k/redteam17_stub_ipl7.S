| Interrupt stubs that block everything (SR := 0x2700) for the handler,
| "to keep handlers simple".  BUG: the level hierarchy is dead inside
| handlers: a clock (5) or serial (4) request waits for a whole disk (2)
| handler (lost clock ticks, serial overruns).  rte restores the SR.
	.include "port.inc"
	.macro STUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
Xintr_\name:
	move.w	#0x2700,%sr		| BUG
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_\name
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
	.endm
	IPLEMU_SOURCES STUB
