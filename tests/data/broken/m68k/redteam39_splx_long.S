| BROKEN (red team 39 B F1, held until session 39): splx compares the whole
| int with PSL_LOWIPL (0x2000): an spl value's upper word is whatever %d0
| held when _spl/_splraise did `movw %sr,%0' (abi.result_upper: undefined;
| NetBSD's splx casts to u_int16_t), so level 0 is missed and a pending
| soft interrupt waits.  Fails defined_only: the argument's undefined bits
| change the path.
	.include "port.inc"
	.text
	.globl	rt_splx
rt_splx:
	move.l	4(%sp),%d1
	cmp.l	#0x2000,%d1		| level 0? (whole int: wrong)
	beq.s	1f
	move.w	6(%sp),%sr
	rts
1:	jsr	softintr_drain
	move.w	#0x2000,%sr
	rts
