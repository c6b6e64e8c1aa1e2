! The PR#20390 callout race on sparc (contract: kernel_snippets/RACE.md),
! written for iplemu after NetBSD's sys/kern/kern_timeout.c 1.7 softclock()
! and sys/netinet/tcp_timer.c 1.55.  It calls the port's own splraise,
! spllower and splx (spl.S): argument and result in %o0, call/retl.
! Non-leaf routines take a register window (save/restore) and keep what
! must survive a call in %l registers; the leaf ones (ipl_le,
! handler_softnet) use %o registers only, as intr.S's handlers do, so an
! interrupt stub's window never disturbs them.  Every spl value comes from
! port.inc (archs/sparc.yaml).
	.include "port.inc"
	.equ	PSR_PIL, 0xf00		! the PIL field of an spl value (spl_bits 11:8)
	.equ	FRAME, 96		! the V8 ABI's minimum frame
	.equ	PENDING, 2		! callout_flags bits (sys/callout.h 1.18)
	.equ	INVOKING, 8
	.equ	FIRED, 4

	.include "race_body.S"
