| red team 7: the clock stub copies the handler's CCR into the frame's SR
| (as redteam6_stub_ccr) but returns without rte: move.w (sp)+,%sr then
| rtr (M68000 PRM §4 RTR: pops the CCR, then the PC).
	.include "port.inc"
	.text
	.globl	Xintr_clock
Xintr_clock:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	jsr	handler_clock
	move.w	%sr,%d0
	and.w	#0x1f,%d0
	and.w	#0xffe0,16(%sp)
	or.w	%d0,16(%sp)		| WRONG: the handler's CCR into the frame
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	move.l	2(%sp),4(%sp)		| frame SR,PC,FV -> SR,SR?,PC
	move.w	(%sp),2(%sp)
	move.w	(%sp)+,%sr		| IPL (and CCR) back
	rtr				| CCR, PC; sp = the interrupted sp
