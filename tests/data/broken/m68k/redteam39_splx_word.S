| BROKEN (red team 39 B F1, held until session 39): splx tests for level 0
| by comparing the SR image's low word with PSL_LOWIPL (0x2000) exactly.
| The value it is passed is one an earlier _spl/_splraise returned, `movw
| %sr,%0' into an int (NetBSD m68k psl.h): its CCR bits are whatever the
| condition codes were (abi.scratch sr:0x1f), so 0x2004 (level 0, Z set) is
| missed and a pending soft interrupt waits past the return.  NetBSD's own
| splx tests the level only (mvme68k intr.h: (u_int16_t)sr < PSL_IPL1|PSL_S;
| the twin redteam39_splx_andi_ok.S masks with 0x0700).  Fails defined_only:
| the argument's undefined bits change the path.
	.include "port.inc"
	.text
	.globl	rt_splx
rt_splx:
	move.w	6(%sp),%d1
	cmp.w	#0x2000,%d1
	beq.s	1f
	move.w	6(%sp),%sr
	rts
1:	jsr	softintr_drain
	move.w	#0x2000,%sr
	rts
