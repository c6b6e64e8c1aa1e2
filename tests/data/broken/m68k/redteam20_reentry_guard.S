| red team 20 B: an spllower with a static re-entrancy guard.  A call made
| while another call is inside the guard (from an interrupt handler that
| does s = splhigh(); ...; splx(s), as every NetBSD driver does) returns the
| old SR but does not write SR: the handler's splx(s) leaves it at the
| raised level, and the handler runs the rest of its work, and returns to
| its stub, with its own interrupts still blocked.  spllower's contract
| (archs/README.md: lower sets exactly the argument) is broken for that
| call; the outer call is fine.
|
| Held (red team 20 B F2); now fails exact (check.py note_inside).
	.include "port.inc"
	.data
busy:	.byte	0
	.even
	.text
	.globl	rt_lower_guard
rt_lower_guard:
	tst.b	busy
	bne.s	2f
	move.b	#1,busy
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	clr.b	busy
	rts
2:	moveq	#0,%d0			| BUG: re-entered: return SR, write nothing
	move.w	%sr,%d0
	rts
