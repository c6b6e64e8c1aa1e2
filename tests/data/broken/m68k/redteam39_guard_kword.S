| red team 39 F: tests/data/broken/m68k/redteam20_reentry_guard.S with its
| busy byte kept in a word of the kernel's data (the low byte of
| count_abort, a counter no stock handler writes) instead of a byte of the
| file's own.  The guard is clear again at every return, so the kernel's
| data are as loaded at return (preserves).  A call made while another is
| inside the guard (a handler's s = splhigh(); ...; splx(s)) returns the old
| SR but writes nothing: the handler's splx leaves it at the raised level.
	.include "port.inc"
	.text
	.globl	rt_lower_guard
rt_lower_guard:
	tst.b	count_abort+3
	bne.s	2f
	move.b	#1,count_abort+3
	moveq	#0,%d0
	move.w	%sr,%d0
	move.w	6(%sp),%sr
	clr.b	count_abort+3
	rts
2:	moveq	#0,%d0			| BUG: re-entered: return SR, write nothing
	move.w	%sr,%d0
	rts
