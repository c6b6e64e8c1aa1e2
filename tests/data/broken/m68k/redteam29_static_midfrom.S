| BROKEN (returns_previous should fail): the m68k member of the
| "static on a path chosen by the level lowered FROM" class
| (i386_splx_static_midfrom.S).  spllower(s) (NetBSD m68k _spl) that, when
| the current level is a device level (spl2..spl4), writes SR first and
| then parks the old SR image in a static word, returning it from there.
| A disk handler's s = splbio(); ...; splx(s) -- on m68k splx is the same
| _spl -- lowers FROM level 2 inside that window and overwrites the word:
| the outer call returns spl2's image, and its caller's splx(s) later
| "restores" level 2.  The check's handlers call it only after raising
| to IPL_HIGH or to their own level.
	.include "port.inc"
	.data
	.even
lower_saved:	.word	0
	.text
	.globl	rt_lower_mid
rt_lower_mid:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d0,%d1
	andi.w	#0x0700,%d1
	cmpi.w	#0x0200,%d1
	bcs.s	1f			| below spl2: plain
	cmpi.w	#0x0400,%d1
	bhi.s	1f			| above spl4: plain
	move.w	6(%sp),%sr
	move.w	%d0,lower_saved		| after the write
	moveq	#0,%d0
	move.w	lower_saved,%d0
	rts
1:	move.w	6(%sp),%sr
	rts
