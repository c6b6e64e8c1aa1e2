| BROKEN (expected: no_lost).  mvme68k's own splx (intr.h 1.5.2.5, 2001):
|	if ((u_int16_t)sr < (PSL_IPL1|PSL_S) && ssir pending) mvme68k_dossir();
|	else movw sr,%sr;
| It tests ssir at the caller's level.  An interrupt taken between that
| test and the move (a clock at level 5 above a caller at level 2) posts a
| soft interrupt and returns to the caller's level, not to 0, so its rei
| runs nothing; the move to level 0 then leaves it pending until the next
| interrupt.  The port's splx (kernel_snippets/m68k/spl.S) tests at level 7
| instead.  Here the dispatch is the port's softintr_drain (at level 1).
	.include "port.inc"
	.text
	.globl	rt_splx_window
rt_splx_window:
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	bne.s	2f
	tst.l	ssir			| BUG: tested at the caller's level
	beq.s	2f
	jsr	softintr_drain
2:	move.w	6(%sp),%sr
	rts
