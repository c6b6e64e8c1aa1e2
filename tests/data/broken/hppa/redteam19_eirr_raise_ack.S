/* BROKEN (red team 19 a, F1 on PA-RISC): splraise with EIEM zeroed around
   the cpl update that "acknowledges" in EIRR what arrived meanwhile.  A
   device or soft request arriving while EIEM = 0 is not taken: EIRR holds
   it (PA-RISC 1.1 Architecture and Instruction Set Reference Manual, 3rd
   ed. 1994, ch. 2 Processing Resources, CR23 EIRR: a bit stays set until
   software writes a 1 to it; ch. 5 Interruptions: a masked EIRR bit stays
   pending), and the write of 1s deletes it before EIEM comes back: its
   handler never runs, even where the raised cpl blocks it, so no_lost
   never asks.  served_once fails: "software withdrew its request in the
   CPU before the CPU took it".
   rt_splraise_ack writes all ones; rt_splraise_ackread writes back what
   it read in EIRR (as NetBSD's hppa_intr acknowledges, but serving none of
   it): that case runs from the request's arrival (the read sees it). */
	.include "port.inc"
	.text
	.globl	rt_splraise_ack, rt_splraise_ackread
rt_splraise_ack:
	mfctl	%eiem, %r20
	mtctl	%r0, %eiem		; no external interrupt while cpl changes
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	ldi	-1, %r21
	mtctl	%r21, %eirr		; BUG: drops every request held meanwhile
	bv	%r0(%rp)
	mtctl	%r20, %eiem

rt_splraise_ackread:
	mfctl	%eiem, %r20
	mtctl	%r0, %eiem
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	mfctl	%eirr, %r21
	mtctl	%r21, %eirr		; BUG: acknowledges what it read, serves none
	bv	%r0(%rp)
	mtctl	%r20, %eiem
