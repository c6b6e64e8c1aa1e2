/* An interrupt stub that keeps the interrupted code's at, v0, v1 and a0
   in the first 16 bytes of its frame, 0($sp)..12($sp), across the call of
   its C handler: o32 gives those bytes to the callee, which may store its
   a0-a3 there (System V ABI MIPS supplement ch. 3, the argument build
   area), so the stub may restore the handler's arguments instead.  The
   machine gives a callee's part of its caller's frame poison again when
   it returns: interrupt_transparent fails.  (The port's own stub had this
   shape; its saves now start at 16($sp).) */
	.include "port.inc"

	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.equ	FRAME, 88

	.set	noreorder
	.set	noat

	.macro HOMESTUB name, bit, level, spl, vector
	.text
	.globl	Xintr_\name
	.ent	Xintr_\name
Xintr_\name:
	addiu	$sp, $sp, -FRAME
	sw	$1, 0($sp)			/* at */
	sw	$v0, 4($sp)
	sw	$v1, 8($sp)
	sw	$a0, 12($sp)
	sw	$a1, 16($sp)
	sw	$a2, 20($sp)
	sw	$a3, 24($sp)
	sw	$t0, 28($sp)
	sw	$t1, 32($sp)
	sw	$t2, 36($sp)
	sw	$t3, 40($sp)
	sw	$t4, 44($sp)
	sw	$t5, 48($sp)
	sw	$t6, 52($sp)
	sw	$t7, 56($sp)
	sw	$t8, 60($sp)
	sw	$t9, 64($sp)
	sw	$ra, 68($sp)
	mfhi	$t2				/* HI and LO: a C handler's mult/div */
	mflo	$t3
	sw	$t2, 80($sp)
	sw	$t3, 84($sp)
	mfc0	$t0, $14
	mfc0	$t1, $12
	sw	$t0, 72($sp)			/* where to return */
	sw	$t1, 76($sp)			/* the interrupted IM, KU/IE stack pushed */
	li	$t2, ~INT_MASK | (\spl & INT_MASK)
	and	$t2, $t1, $t2			/* mask the source's IPL too */
	ori	$t2, $t2, INT_IE			/* IEc on: higher lines may come in */
	mtc0	$t2, $12
	jal	handler_\name
	nop
	lw	$t1, 76($sp)
	nop				/* MIPS I load delay slot */
	mtc0	$t1, $12			/* IEc off, IM as interrupted */
	lw	$k0, 72($sp)
	lw	$t2, 80($sp)
	lw	$t3, 84($sp)
	mthi	$t2
	mtlo	$t3
	lw	$1, 0($sp)
	lw	$v0, 4($sp)
	lw	$v1, 8($sp)
	lw	$a0, 12($sp)
	lw	$a1, 16($sp)
	lw	$a2, 20($sp)
	lw	$a3, 24($sp)
	lw	$t0, 28($sp)
	lw	$t1, 32($sp)
	lw	$t2, 36($sp)
	lw	$t3, 40($sp)
	lw	$t4, 44($sp)
	lw	$t5, 48($sp)
	lw	$t6, 52($sp)
	lw	$t7, 56($sp)
	lw	$t8, 60($sp)
	lw	$t9, 64($sp)
	lw	$ra, 68($sp)
	addiu	$sp, $sp, FRAME
	jr	$k0
	rfe					/* in the delay slot: pop the KU/IE stack */
	.end	Xintr_\name
	.endm

	IPLEMU_SOURCES HOMESTUB
