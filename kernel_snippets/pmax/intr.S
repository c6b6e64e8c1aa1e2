/*
 * pmax (MIPS I) interrupt stubs and handlers, written for iplemu after the
 * R3000 exception model (IDT R30xx Family Software Reference Manual, "Exception Management")
 * and NetBSD's MIPS1 kernel interrupt path: save what the interrupted
 * code may still need, run the handler with the source's IPL masked and
 * IEc on, put Status back, return with `jr k0; rfe'.  One stub per source
 * of archs/pmax.yaml (IPLEMU_SOURCES, port.inc).
 *
 * The CPU enters Xintr_<name> with EPC = the interrupted instruction and
 * the KU/IE stack pushed (IEc = 0).  k0/k1 belong to exception code (o32):
 * the interrupted code never holds anything in them.
 */
	.include "port.inc"

	.equ	INT_MASK, 0xff00
	.equ	INT_IE, 0x0001
	.equ	INT_IEP, 0x0004		/* IEp: the interrupted IEc, pushed by the exception */
	.equ	ARGS, 16		/* the callee's a0-a3 home slots at 0($sp) (o32) */
	.equ	FRAME, ARGS + 88

	.set	noreorder
	.set	noat

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
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
	ori	$t2, $t2, INT_IE			/* IEc on: higher lines may come in */
	mtc0	$t2, $12
	jal	handler_\name
	move	$a0, $t1			/* (delay slot) the interrupted Status: NetBSD's clockframe sr */
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

/* A handler reads count_<name> and adds one in scratch registers, as a
   C handler may clobber them, but stores nothing of its own: a state after
   it returns can then equal the state before it was taken (explored once).
   The engine sees each run at its entry address; the race scenario's own
   handlers count in count_<name>.

   Then it calls spl routines as every NetBSD driver handler does (s =
   splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
   it with reenter_arg_<name>, then reenter_restore_<name> with what it
   returned, through the pointers and by the port's ABI.  `check' sets the
   three words so that the routine under check is one of the two calls
   (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
   (run, race), and the handler calls nothing.  The pair leaves the
   priority as it found it, and what the calls leave on the stack is the
   free stack an interrupt's return poisons.  Where the stub's Status (its
   argument) shows base priority and reenter_base_arg_<name> is not 0, the
   first call takes that instead: NetBSD's hardclock() lowers with
   spllowersoftclock() there (kern_clock.c 1.75 CLKF_BASEPRI; emu/reenter.py
   base_argument). */
	.macro HANDLER name, bit, level, spl, vector
	.data
	.align	2
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
	.globl	reenter_base_arg_\name, reenter_lowered_\name
count_\name:
	.word	0
reenter_raise_\name:
	.word	0
reenter_arg_\name:
	.word	0
reenter_restore_\name:
	.word	0
reenter_base_arg_\name:
	.word	0
reenter_lowered_\name:				/* 1 while it runs lowered at base priority */
	.word	0
	.text
	.weak	handler_\name			/* a scenario file may supply its own */
	.ent	handler_\name
handler_\name:
	lui	$t0, %hi(count_\name)
	lw	$t1, %lo(count_\name)($t0)
	nop				/* MIPS I load delay slot */
	addiu	$t1, $t1, 1
	lui	$t0, %hi(reenter_raise_\name)
	lw	$t2, %lo(reenter_raise_\name)($t0)
	nop
	bne	$t2, $zero, 1f
	nop
	jr	$ra
	nop
1:	addiu	$sp, $sp, -24			/* the callee's a0-a3 home slots, ra; 8-aligned */
	sw	$ra, 20($sp)
	lui	$t0, %hi(reenter_base_arg_\name)
	lw	$t3, %lo(reenter_base_arg_\name)($t0)
	li	$t4, INT_MASK | INT_IEP
	nor	$t5, $a0, $zero			/* ~sr: base priority is every line and IEp set */
	and	$t5, $t5, $t4			/* (MIPS1_CLKF_BASEPRI, mips cpu.h 1.37) */
	lui	$t0, %hi(reenter_arg_\name)
	bne	$t5, $zero, 2f			/* not at base priority */
	lw	$a0, %lo(reenter_arg_\name)($t0)	/* (delay slot) the argument */
	beq	$t3, $zero, 2f
	nop
	move	$a0, $t3			/* at base: hardclock's spllowersoftclock() */
	li	$t4, 1
	lui	$t0, %hi(reenter_lowered_\name)
	sw	$t4, %lo(reenter_lowered_\name)($t0)	/* lowered by design until the restore */
2:	jalr	$t2				/* s = raise(arg) */
	nop
	lui	$t0, %hi(reenter_restore_\name)
	lw	$t2, %lo(reenter_restore_\name)($t0)
	move	$a0, $v0
	jalr	$t2				/* restore(s) */
	nop
	lui	$t0, %hi(reenter_lowered_\name)
	sw	$zero, %lo(reenter_lowered_\name)($t0)
	lw	$ra, 20($sp)
	nop
	jr	$ra
	addiu	$sp, $sp, 24
	.end	handler_\name
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
