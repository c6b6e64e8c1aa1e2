| m68k spl(9), written for iplemu after NetBSD 1.6's m68k design
| (sys/arch/m68k/include/psl.h: _spl, _splraise, splx).
|
| The priority is the CPU's own: SR bits 10:8 (M68000 PRM §1.3).  An spl
| value is an SR image PSL_S|PSL_IPLn (0x2000 | n << 8); writing it with
| `move.w <ea>,%sr` is one privileged instruction, so every change is atomic.
| Arguments come on the stack (an int: its low word is at 6(%sp)); the old
| SR image is returned in %d0.  %d0/%d1/%a0/%a1 are scratch.
	.include "port.inc"
	.text

| int splraise(int s): raise to s's level; never lower (NetBSD _splraise).
	.weak	splraise
splraise:
	moveq	#0,%d0
	move.w	%sr,%d0			| old SR image, returned
	move.l	%d0,%d1
	andi.w	#0x0700,%d1
	move.l	%d1,%a0			| a0 = current level << 8
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1		| d1 = requested level << 8
	cmp.w	%a0,%d1
	bls.s	1f			| requested <= current: leave SR alone
	move.w	6(%sp),%sr		| raise in one instruction
1:	rts

| int spllower(int s): set s's level, whatever the current one (NetBSD _spl).
	.weak	spllower
spllower:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts

| void splx(int s): restore an SR image an spl call returned.
	.weak	splx
splx:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	rts

| int spl0(void), int splhigh(void): write IPL_NONE's or IPL_HIGH's SR
| image whatever the level was; return the old SR image.  mvme68k
| intr.h 1.5.2.5: splhigh is spl7, one move to SR; spl0 moves PSL_LOWIPL
| in, or lets mvme68k_dossir run the soft interrupts pending in ssir
| first: here they are level-1 CPU requests (archs/m68k.yaml), which the
| move lets in.
	.weak	spl0
spl0:
	move.w	#SPL_NONE,%d1
	bra.s	1f

	.weak	splhigh
splhigh:
	move.w	#SPL_HIGH,%d1
1:	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	%d1,%sr			| one instruction
	rts
