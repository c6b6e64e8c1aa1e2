| red team 22 a: the m68k twin of i386_static_midlevel.S: a splraise that
| keeps the old SR image in a static word on the path of targets spl3 and
| spl4 (splnet/spltty/splserial) only.  softclock's handler is re-entered
| with spl7, spl1 and spl2 (emu/reenter.py raise_targets), the clock's with
| spl7 and spl5: none takes the static path.  A softclock callout doing
| s = spltty() (NetBSD tty.c ttrstrt) overwrites it.
	.include "port.inc"
	.data
rt_tmp:	.long	0
	.text
	.globl	rt_raise_mid
rt_raise_mid:
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmpi.w	#0x0300,%d1
	bcs.s	2f			| below spl3: registers only
	cmpi.w	#0x0400,%d1
	bhi.s	2f			| above spl4: registers only
	moveq	#0,%d0
	move.w	%sr,%d0
	move.l	%d0,rt_tmp		| static temporary
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	1f
	move.w	6(%sp),%sr
1:	move.l	rt_tmp,%d0
	rts
2:	moveq	#0,%d0
	move.w	%sr,%d0
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	cmp.w	%a0,%d1
	bls.s	3f
	move.w	6(%sp),%sr
3:	rts
