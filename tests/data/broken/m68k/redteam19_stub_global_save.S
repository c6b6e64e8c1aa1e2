| BROKEN (red team 19 B7): interrupt stubs that keep the interrupted
| code's scratch registers (d0/d1/a0/a1) in one static save area instead
| of on the stack.  The handler runs at its own level and a higher one
| still comes in (M68030 User's Manual §8.1.9, interrupt exceptions: the
| mask is set to the level taken, a higher level is accepted); that one's
| stub saves its interrupted registers (the first handler's) over the
| first stub's, and the first stub then gives the interrupted code the
| handler's d0/d1/a0/a1.  NetBSD's m68k stubs push them on the stack:
| INTERRUPT_SAVEREG is `moveml #0xC0C0,%sp@-' (sys/arch/news68k/news68k/
| locore.s 1.49, as in hp300/mvme68k).  Only a second interrupt nested in
| the first one's handler shows it: at depth 1 the start with the request
| pending at the call (held by the CPU until the routine lowers the
| priority, check.explore_pending) does.
	.include "port.inc"
	.data
	.globl	rt_save_area
rt_save_area:	.long	0, 0, 0, 0
| The hardware sources' stubs (a soft source's, which posts its bit in
| ssir, is the port's).
	.macro STUB name, bit, level, spl, vector
	.if	\bit < 0
	.text
	.globl	Xintr_\name
Xintr_\name:
	movem.l	%d0-%d1/%a0-%a1,rt_save_area
	jsr	handler_\name
	movem.l	rt_save_area,%d0-%d1/%a0-%a1
	jra	rei			| the port's return (soft interrupts to level 0)
	.endif
	.endm
	IPLEMU_SOURCES STUB
