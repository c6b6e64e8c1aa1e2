/* splraise keeping the old cpl in a static temporary instead of a
   register (red team 17 F1, written for hppa).  BUG: not re-entrant: an
   interrupt between the store and the reload whose handler calls
   splraise (every NetBSD driver handler does s = splXXX(); ...;
   splx(s)) overwrites saved_cpl, so this call returns the handler's cpl. */
	.include "port.inc"
	.data
saved_cpl:
	.long	0
	.text
	.globl	splraise_static
splraise_static:
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	ldil	L%saved_cpl, %r20
	stw	%ret0, R%saved_cpl(%r20)	; the old cpl, in a static
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	bv	%r0(%rp)
	ldw	R%saved_cpl(%r20), %ret0	; reloaded: another call may have changed it
