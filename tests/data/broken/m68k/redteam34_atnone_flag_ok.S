| red team 34 F2: correct.  An "at IPL_NONE" byte shared by all five
| routines: set by a lowering routine AFTER its write of level 0 to SR;
| cleared by every routine that raises BEFORE its SR write.  So outside a
| handler, flag = 1 implies SR level 0 at every boundary (inside a handler
| the level is higher, but a handler calls no spl0, the only reader: its
| IPL blocks nothing).  spl0 returns at once (SR level 0 already, and no
| soft interrupt pending: at level 0 rei ran it) when the flag is set.
| Lowering to level 0 runs the pending soft interrupts first, as the
| port's does (softintr_drain, kernel_snippets/m68k/intr.S: it returns at
| level 7 with none pending; red team 34's file lowered without, which
| leaves one pending: no_lost).  Should hold: the state flag = 1 exists
| at level 0 alone (repeats.Whereabouts), where it was started from
| IPL_SOFTCLOCK too before (a false "fails" of exact).
	.include "port.inc"
	.data
rt_atnone:	.word	0
	.text
	.globl	splraise, spllower, splx, spl0, splhigh
splraise:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	1f
	clr.b	rt_atnone		| flag first ...
	move.w	6(%sp),%sr		| ... then raise
1:	rts

spllower:
splx:
	moveq	#0,%d0
	move.w	%sr,%d0
	clr.b	rt_atnone
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	bne.s	2f
	move.w	6(%sp),%d1		| level 0: the soft interrupts first
	movem.l	%d0-%d1,-(%sp)
	jsr	softintr_drain		| returns at level 7, none pending
	movem.l	(%sp)+,%d0-%d1
	move.w	%d1,%sr
	st	rt_atnone		| level 0 written: flag after
	rts
2:	move.w	6(%sp),%sr
	rts

spl0:
	tst.b	rt_atnone
	bne.s	3f
	moveq	#0,%d0
	move.w	%sr,%d0
	movem.l	%d0-%d1,-(%sp)
	jsr	softintr_drain		| returns at level 7, none pending
	movem.l	(%sp)+,%d0-%d1
	move.w	#SPL_NONE,%sr
	st	rt_atnone
	rts
3:	moveq	#0,%d0
	move.w	%sr,%d0			| level 0 already
	rts

splhigh:
	moveq	#0,%d0
	move.w	%sr,%d0
	clr.b	rt_atnone
	move.w	#SPL_HIGH,%sr
	rts
