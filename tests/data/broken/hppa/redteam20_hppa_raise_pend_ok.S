/* red team 20 A (a correct routine, candidate false fail): splraise with
   EIEM zeroed around the cpl update that moves the EIRR requests the NEW
   cpl blocks into ipending, as a stub would if the CPU had taken them (the
   port's Xintr_<name>: blocked by cpl -> ipending; NetBSD hp700 hppa_intr
   likewise turns EIRR bits into ipending bits), acknowledging only those
   lines; a request the new cpl does not block is left in EIRR for the CPU
   to take when EIEM comes back.  Nothing is lost: a later splx/spllower
   replays what is in ipending (intr_dispatch). */
	.include "port.inc"

	.macro	PEND_IF_BLOCKED name, bit, level, spl, vector
	ldil	L%(1 << \level), %r22
	ldo	R%(1 << \level)(%r22), %r22
	and,<>	%r21, %r22, %r0		; the line requests?
	b,n	1f
	ldil	L%(1 << \bit), %r23
	ldo	R%(1 << \bit)(%r23), %r23
	and,<>	%r19, %r23, %r0		; the new cpl blocks it?
	b,n	1f
	ldil	L%ipending, %r1
	ldw	R%ipending(%r1), %r24
	or	%r24, %r23, %r24
	stw	%r24, R%ipending(%r1)	; pend it, as its stub would
	mtctl	%r22, %eirr		; and acknowledge its line
1:
	.endm

	.text
	.globl	rt_splraise_pend
rt_splraise_pend:
	mfctl	%eiem, %r20
	mtctl	%r0, %eiem		; no external interrupt while we look
	ldil	L%cpl, %r1
	ldw	R%cpl(%r1), %ret0
	or	%ret0, %arg0, %r19
	stw	%r19, R%cpl(%r1)
	mfctl	%eirr, %r21
	IPLEMU_SOURCES PEND_IF_BLOCKED
	bv	%r0(%rp)
	mtctl	%r20, %eiem
