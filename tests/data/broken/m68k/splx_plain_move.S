| BROKEN (expected: no_lost).  splx as NetBSD's m68k psl.h _spl: one move
| of the SR image, to level 0 too.  mvme68k simulates soft interrupts
| (archs/m68k.yaml: ssir), which only spl0, splx to level 0
| (mvme68k_dossir, intr.h 1.5.2.5) and rei on the way to level 0 run: a
| soft interrupt posted while the caller was above 0 waits after this splx
| until the next interrupt.  (It held while the model made soft interrupts
| level-1 CPU requests, which the move let in.)
	.include "port.inc"
	.text
	.globl	rt_splx_move
rt_splx_move:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr		| BUG: level 0 without the soft interrupts
	rts
