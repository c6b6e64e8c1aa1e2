| BROKEN (interrupt_transparent): the clock stub copies the handler's
| condition codes into the exception frame's SR before rte, so the
| interrupted code resumes with the handler's CCR.  Held while the engine
| left the CCR out of the comparison (unicorn's read of it between two
| instructions may be stale); it is now read by guest code when the
| interrupt is taken.
	.include "port.inc"
	.text
	.globl	Xintr_clock
Xintr_clock:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_clock
	move.w	%sr,%d0
	and.w	#0x1f,%d0
	and.w	#0xffe0,16(%sp)
	or.w	%d0,16(%sp)
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte
