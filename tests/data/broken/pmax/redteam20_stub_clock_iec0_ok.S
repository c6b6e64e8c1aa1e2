/* red team 20 B F7 (NetBSD-faithful; it failed handler_priority, a false
   fail, until sources[].preemptible: archs/pmax.yaml's clock is false): the port's pmax
   stubs, but the clock's handler runs with IEc = 0 (every interrupt held,
   memerr's INT4 too), as NetBSD/pmax's dec_3100_intr runs hardclock()
   before its _splset(MIPS_SR_INT_IE | (status & MIPS_INT_MASK_3))
   (dec_3100.c 1.5/1.6 era, quoted in archs/pmax.yaml call_states.source).
   Nothing is lost: a held request is taken when the stub's exit gives
   IEc back (Cause keeps it pending). */
	.include "port.inc"

	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.equ	ARGS, 16		/* the callee's a0-a3 home slots at 0($sp) (o32) */
	.equ	FRAME, ARGS + 88

	.set	noreorder
	.set	noat

	.macro INTRSTUB name, bit, level, spl, vector
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
	sw	$t0, ARGS+72($sp)			/* where to return */
	sw	$t1, ARGS+76($sp)			/* the interrupted IM, KU/IE stack pushed */
	li	$t2, ~INT_MASK | (\spl & INT_MASK)
	and	$t2, $t1, $t2			/* mask the source's IPL too */
	.ifnc \name,clock
	ori	$t2, $t2, INT_IE			/* IEc on: higher lines may come in */
	.endif					/* clock: IEc stays 0 for hardclock (NetBSD dec_3100_intr) */
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

	IPLEMU_SOURCES INTRSTUB
