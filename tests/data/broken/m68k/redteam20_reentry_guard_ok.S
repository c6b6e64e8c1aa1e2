| CORRECT TWIN of m68k_reentry_guard.S: the re-entered path writes SR too.
| (original text follows)
| red team 20 B: an spllower with a static re-entrancy guard.  A call made
| while another call is inside the guard (from an interrupt handler that
| does s = splhigh(); ...; splx(s), as every NetBSD driver does) returns the
| old SR but does not write SR: the handler's splx(s) leaves it at the
| raised level, and the handler runs the rest of its work, and returns to
| its stub, with its own interrupts still blocked.  spllower's contract
| (archs/README.md: lower sets exactly the argument) is broken for that
| call; the outer call is fine.
|
| The correct twin of redteam20_reentry_guard.S: holds.
	.include "port.inc"
	.data
busy_ok:	.byte	0
	.even
	.text
	.globl	rt_lower_guard_ok
rt_lower_guard_ok:
	tst.b	busy_ok
	bne.s	2f
	move.b	#1,busy_ok
	move.l	4(%sp),-(%sp)		| the port's splx(s): the old SR in %d0, and
	jsr	splx			| the soft interrupts pending in ssir run
	addq.l	#4,%sp			| first when s is level 0 (archs/m68k.yaml)
	clr.b	busy_ok
	rts
2:	jmp	splx			| re-entered: the same write, no guard work
