! The PR#20390 callout race on sparc64 (contract: kernel_snippets/RACE.md),
! written for iplemu after NetBSD's sys/kern/kern_timeout.c 1.7 softclock()
! and sys/netinet/tcp_timer.c 1.55: the SPARC body (../sparc/race_body.S)
! with sparc64's spl values (the PIL itself, archs/sparc64.yaml) and the
! V9 ABI's 176-byte minimum frame.  It calls the port's own splraise,
! spllower and splx (spl.S): argument and result in %o0, call/retl.
	.include "port.inc"
	.equ	PSR_PIL, 0xf		! the PIL field of an spl value (spl_bits 3:0)
	.equ	FRAME, 176		! the V9 ABI's minimum frame
	.equ	PENDING, 2		! callout_flags bits (sys/callout.h 1.18)
	.equ	INVOKING, 8
	.equ	FIRED, 4

	.include "../sparc/race_body.S"
