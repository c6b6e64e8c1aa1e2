/* Red team 17 (REPORT_b.md FF2): the soft interrupt stubs acknowledge
   their own request as NetBSD's _clrsoftintr(mask) does (mfc0 Cause;
   and ~mask; mtc0 Cause) with IEc = 0, so nothing changes Cause in
   between.  The stubs are correct, but the model does not hold the
   pending requests in Cause (backends/mips.py): a check of the port's
   spllower with them has no verdict (exit 2), where it once failed.
   rt_lower_ret0 (BROKEN) returns 0, not the old level: returns_previous
   fails with a counter-example whatever the stubs do (exit 1). */
	.include "port.inc"
	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.equ	ARGS, 16
	.equ	FRAME, ARGS + 88
	.set	noreorder
	.set	noat
	.macro SOFTSTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
	.ent	Xintr_\name
Xintr_\name:
	addiu	$sp, $sp, -FRAME
	sw	$1, ARGS+0($sp)			/* at */
	sw	$v0, ARGS+4($sp)
	sw	$v1, ARGS+8($sp)
	sw	$a0, ARGS+12($sp)
	sw	$a1, ARGS+16($sp)
	sw	$a2, ARGS+20($sp)
	sw	$a3, ARGS+24($sp)
	sw	$t0, ARGS+28($sp)
	sw	$t1, ARGS+32($sp)
	sw	$t2, ARGS+36($sp)
	sw	$t3, ARGS+40($sp)
	sw	$t4, ARGS+44($sp)
	sw	$t5, ARGS+48($sp)
	sw	$t6, ARGS+52($sp)
	sw	$t7, ARGS+56($sp)
	sw	$t8, ARGS+60($sp)
	sw	$t9, ARGS+64($sp)
	sw	$ra, ARGS+68($sp)
	mfhi	$t2				/* HI and LO: a C handler's mult/div */
	mflo	$t3
	sw	$t2, ARGS+80($sp)
	sw	$t3, ARGS+84($sp)
	mfc0	$t0, $14
	mfc0	$t1, $12
	mfc0	$t4, $13			/* _clrsoftintr: Cause &= ~(this soft line), IEc = 0 here */
	li	$t5, ~(0x100 << \level)
	and	$t4, $t4, $t5
	mtc0	$t4, $13
	sw	$t0, ARGS+72($sp)			/* where to return */
	sw	$t1, ARGS+76($sp)			/* the interrupted IM, KU/IE stack pushed */
	li	$t2, ~INT_MASK | (\spl & INT_MASK)
	and	$t2, $t1, $t2			/* mask the source's IPL too */
	ori	$t2, $t2, INT_IE			/* IEc on: higher lines may come in */
	mtc0	$t2, $12
	jal	handler_\name
	nop
	lw	$t1, ARGS+76($sp)
	nop				/* MIPS I load delay slot */
	mtc0	$t1, $12			/* IEc off, IM as interrupted */
	lw	$k0, ARGS+72($sp)
	lw	$t2, ARGS+80($sp)
	lw	$t3, ARGS+84($sp)
	mthi	$t2
	mtlo	$t3
	lw	$1, ARGS+0($sp)
	lw	$v0, ARGS+4($sp)
	lw	$v1, ARGS+8($sp)
	lw	$a0, ARGS+12($sp)
	lw	$a1, ARGS+16($sp)
	lw	$a2, ARGS+20($sp)
	lw	$a3, ARGS+24($sp)
	lw	$t0, ARGS+28($sp)
	lw	$t1, ARGS+32($sp)
	lw	$t2, ARGS+36($sp)
	lw	$t3, ARGS+40($sp)
	lw	$t4, ARGS+44($sp)
	lw	$t5, ARGS+48($sp)
	lw	$t6, ARGS+52($sp)
	lw	$t7, ARGS+56($sp)
	lw	$t8, ARGS+60($sp)
	lw	$t9, ARGS+64($sp)
	lw	$ra, ARGS+68($sp)
	addiu	$sp, $sp, FRAME
	jr	$k0
	rfe					/* in the delay slot: pop the KU/IE stack */
	.end	Xintr_\name
	.endm
	SOFTSTUB softclock, 0, 0, SRC_SOFTCLOCK_SPL, -1
	SOFTSTUB softnet, 1, 1, SRC_SOFTNET_SPL, -1

	.text
	.globl	rt_lower_ret0
	.ent	rt_lower_ret0
rt_lower_ret0:
	mfc0	$v0, $12
	li	$t0, ~INT_MASK
	and	$t0, $v0, $t0
	nor	$a0, $a0, $zero
	andi	$a0, $a0, INT_MASK
	or	$t0, $t0, $a0
	ori	$t0, $t0, INT_IE
	mtc0	$t0, $12
	jr	$ra
	li	$v0, 0				/* BROKEN: not the old IM | IE */
	.end	rt_lower_ret0
