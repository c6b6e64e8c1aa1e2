| m68k spl(9), written for iplemu after NetBSD 1.6's m68k design
| (sys/arch/m68k/include/psl.h: _spl, _splraise, splx).
|
| The priority is the CPU's own: SR bits 10:8 (M68000 PRM §1.3).  An spl
| value is an SR image PSL_S|PSL_IPLn (0x2000 | n << 8); writing it with
| `move.w <ea>,%sr` is one privileged instruction, so every change is atomic.
| Soft interrupts are simulated (ssir, kernel_snippets/m68k/intr.S): a
| lowering to level 0 runs those pending first.
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

| int spllower(int s): set s's level, whatever the current one (NetBSD
| _spl), and void splx(int s): restore an SR image an spl call returned;
| int spl0(void): IPL_NONE's SR image.  To level 0 they run the soft
| interrupts pending in ssir first (mvme68k intr.h 1.5.2.5 splx and spl0:
| mvme68k_dossir when ssir says one is pending); to any other level, one
| move to SR.
	.weak	spllower
	.weak	splx
spllower:
splx:
	moveq	#0,%d0
	move.w	%sr,%d0			| the old SR image, returned
	move.w	6(%sp),%d1
	andi.w	#0x0700,%d1
	beq.s	1f			| level 0: the soft interrupts first
	move.w	6(%sp),%sr		| one instruction
	rts
1:	move.w	6(%sp),%d1		| the new SR image
	bra.s	Lto0
	.weak	spl0
spl0:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	#SPL_NONE,%d1
| NetBSD's mvme68k splx and spl0 test ssir at the caller's level, then move
| the new image in (or let mvme68k_dossir run them and rte to it): an
| interrupt posting a soft one between the two returns to the caller's
| level, not 0, so its rei leaves it pending until the next interrupt
| (tests/data/broken/m68k/netbsd_splx_window.S).  softintr_drain
| (kernel_snippets/m68k/intr.S) returns at level 7 with none pending, and
| the image is moved in from there in one instruction.
Lto0:
	movem.l	%d0-%d1,-(%sp)		| kept across the handlers
	jsr	softintr_drain
	movem.l	(%sp)+,%d0-%d1
	move.w	%d1,%sr			| one instruction
	rts

| int splhigh(void): write IPL_HIGH's SR image whatever the level was;
| return the old SR image.  mvme68k intr.h 1.5.2.5: splhigh is spl7, one
| move to SR.
	.weak	splhigh
splhigh:
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	#SPL_HIGH,%sr		| one instruction
	rts
