/* BROKEN (false-hold candidate): spllower that "rate-limits" its replay
   by the interval timer: it replays pending sources only when the low 8
   bits of CR16 (the free-running cycle counter, PA-RISC 1.1 ch. 2 CR16)
   are 0, else it returns with the pending unblocked request waiting.  On
   a real CPU CR16 counts every cycle, so 255 calls in 256 lose the replay.
   Expect: no_lost FAILS, or no verdict (the timer is the host's clock, not
   modelled: exit 2).  A hold is a false hold. */
	.include "port.inc"
	.text
	.globl	rt_lower_cr16
rt_lower_cr16:
	mfctl	%cr16, %r20
	extru,=	%r20, 31, 8, %r0	; low byte 0: go on to the port's
	bv,n	%r0(%rp)		; WRONG: else return, no store, no replay
	b,n	spllower
