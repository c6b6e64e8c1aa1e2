| splraise keeping the old SR image in a static word, not a register.
| BUG: not reentrant: an interrupt between the store and the reload whose
| handler calls splraise/splx (every driver's does) overwrites saved_sr,
| and this call returns the handler's SR image: the caller's splx(s)
| later restores the wrong level.
	.include "port.inc"
	.data
saved_sr:	.word	0
	.text
	.globl	splraise
splraise:
	move.w	%sr,saved_sr
	move.w	saved_sr,%d1
	andi.w	#0x0700,%d1
	move.w	6(%sp),%d0
	andi.w	#0x0700,%d0
	cmp.w	%d1,%d0
	bls.s	1f
	move.w	6(%sp),%sr
1:	moveq	#0,%d0
	move.w	saved_sr,%d0
	rts
