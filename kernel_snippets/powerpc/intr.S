/*
 * powerpc interrupt stubs, replay entries and handlers, written for iplemu
 * after NetBSD/macppc 1.6's ext_intr() (sys/arch/macppc/macppc/extintr.c
 * 1.10.2.7).  One stub per source, built from the sources listed in
 * archs/powerpc.yaml (IPLEMU_SOURCES, port.inc).
 *
 * The CPU enters Xintr_<name> with EE=0 and IR, DR, RI cleared, SRR0 =
 * the interrupted PC and SRR1 = the interrupted MSR (PEM §6.4.5,
 * archs/powerpc.yaml).  The stub saves the scratch registers, CR, XER,
 * CTR, LR, SRR0 and SRR1 in a frame below r1 (SRR0/SRR1 first of all: a
 * nested interrupt overwrites them), then sets IR, DR and RI again, as
 * NetBSD/macppc's INTRENTER does ("interrupts are recoverable here, and
 * enable translation": locore.S 1.24).  Blocked by cpl: set the source's
 * ipending bit and return.  Otherwise raise cpl to the source's IPL, turn
 * EE on, run the handler, EE off, cpl = pcpl; then, with EE on,
 * splx(pcpl) replays what is pending; EE off, and, as intr_exit does, EE,
 * ME, RI, DR and IR off; restore, rfi (MSR := SRR1).  IR and DR change no
 * address here: the model translates none (emu/backends/powerpc.py).
 */
	.include "port.inc"

	.equ	PSL_EE, 0x8000
	.equ	PSL_ME, 0x1000
	.equ	PSL_IR, 0x20
	.equ	PSL_DR, 0x10
	.equ	PSL_RI, 0x2
	.equ	F_R0, 8			/* the stub's frame: back chain, LR save word, ... */
	.equ	F_R3, 12		/* r3..r12 at F_R3 + 4 * (n - 3) */
	.equ	F_LR, 52
	.equ	F_CTR, 56
	.equ	F_CR, 60
	.equ	F_XER, 64
	.equ	F_SRR0, 68
	.equ	F_SRR1, 72
	.equ	F_PCPL, 76		/* the interrupted cpl */
	.equ	FRAME, 96

/* Save what the stub and the C code it calls may change; SRR0/SRR1
   first, before anything can re-enable EE. */
	.macro SAVE_FRAME
	stwu	r1, -FRAME(r1)
	stw	r0, F_R0(r1)
	mfsrr0	r0
	stw	r0, F_SRR0(r1)
	mfsrr1	r0
	stw	r0, F_SRR1(r1)
	mflr	r0
	stw	r0, F_LR(r1)
	mfctr	r0
	stw	r0, F_CTR(r1)
	mfcr	r0
	stw	r0, F_CR(r1)
	mfxer	r0
	stw	r0, F_XER(r1)
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
	stw	r\n, F_R3 + 4 * (\n - 3)(r1)
	.endr
	mfmsr	r5			/* INTRENTER: recoverable, translation on */
	ori	r5, r5, PSL_IR | PSL_DR | PSL_RI
	mtmsr	r5
	isync
	.endm

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	SAVE_FRAME
	lis	r9, cpl@ha
	lwz	r3, cpl@l(r9)
	stw	r3, F_PCPL(r1)
	lis	r4, (1 << \bit)@h
	ori	r4, r4, (1 << \bit)@l
	and.	r5, r3, r4
	beq	1f
	lis	r9, ipending@ha		/* blocked: pend it */
	lwz	r5, ipending@l(r9)
	or	r5, r5, r4
	stw	r5, ipending@l(r9)
	b	Xintr_exit
1:	lis	r4, \spl@h
	ori	r4, r4, \spl@l
	or	r4, r3, r4
	stw	r4, cpl@l(r9)		/* splraise(intrmask[irq]) */
	mfmsr	r5
	ori	r5, r5, PSL_EE
	mtmsr	r5
	bl	handler_\name
	mfmsr	r5
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
	lwz	r3, F_PCPL(r1)
	lis	r9, cpl@ha
	stw	r3, cpl@l(r9)		/* cpl = pcpl */
	b	Xintr_tail
	.endm

/* Xreplay_<name>: called from do_pending_int with r4 = the MSR to run the
   handler with: raise cpl to the source's IPL, set the MSR, run it. */
	.macro REPLAY name, bit, level, spl, vector
	.text
	.weak	Xreplay_\name
Xreplay_\name:
	stwu	r1, -16(r1)
	mflr	r0
	stw	r0, 20(r1)
	lis	r9, cpl@ha
	lwz	r5, cpl@l(r9)
	lis	r6, \spl@h
	ori	r6, r6, \spl@l
	or	r5, r5, r6
	stw	r5, cpl@l(r9)		/* splraise(intrmask[irq]) */
	mtmsr	r4
	bl	handler_\name
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
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
   free stack an interrupt's return poisons. */
	.macro HANDLER name, bit, level, spl, vector
	.data
	.globl	count_\name, reenter_raise_\name, reenter_arg_\name, reenter_restore_\name
count_\name:
	.long	0
reenter_raise_\name:
	.long	0
reenter_arg_\name:
	.long	0
reenter_restore_\name:
	.long	0
	.text
	.weak	handler_\name		/* a scenario file may supply its own */
handler_\name:
	lis	r11, count_\name@ha
	lwz	r12, count_\name@l(r11)
	addi	r12, r12, 1
	lis	r11, reenter_raise_\name@ha
	lwz	r12, reenter_raise_\name@l(r11)
	cmpwi	r12, 0
	beqlr
	stwu	r1, -16(r1)		/* a frame, 16-aligned; LR in the caller's LR save word */
	mflr	r0
	stw	r0, 20(r1)
	lis	r11, reenter_arg_\name@ha
	lwz	r3, reenter_arg_\name@l(r11)
	mtctr	r12
	bctrl				/* s = raise(arg) */
	lis	r11, reenter_restore_\name@ha
	lwz	r12, reenter_restore_\name@l(r11)
	mtctr	r12
	bctrl				/* restore(s): s is in r3 */
	lwz	r0, 20(r1)
	mtlr	r0
	addi	r1, r1, 16
	blr
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES REPLAY
	IPLEMU_SOURCES HANDLER

	.text
/* Xintr_tail: ext_intr's end: with EE on, splx(pcpl) replays what the
   interrupted cpl leaves unblocked; then EE off for the restore. */
	.weak	Xintr_tail, Xintr_exit
Xintr_tail:
	mfmsr	r5
	ori	r5, r5, PSL_EE
	mtmsr	r5
	lwz	r3, F_PCPL(r1)
	bl	splx
	mfmsr	r5
	rlwinm	r5, r5, 0, 17, 15
	mtmsr	r5
/* Xintr_exit: EE (already off), ME, RI, DR and IR off, as intr_exit
   does; restore the frame and return from the interrupt: rfi sets MSR
   from SRR1 and continues at SRR0. */
Xintr_exit:
	mfmsr	r5
	andi.	r5, r5, ~(PSL_EE | PSL_ME | PSL_RI | PSL_DR | PSL_IR)@l
	mtmsr	r5
	isync
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
	lwz	r\n, F_R3 + 4 * (\n - 3)(r1)
	.endr
	lwz	r0, F_XER(r1)
	mtxer	r0
	lwz	r0, F_CR(r1)
	mtcr	r0
	lwz	r0, F_CTR(r1)
	mtctr	r0
	lwz	r0, F_LR(r1)
	mtlr	r0
	lwz	r0, F_SRR1(r1)
	mtsrr1	r0
	lwz	r0, F_SRR0(r1)
	mtsrr0	r0
	lwz	r0, F_R0(r1)
	addi	r1, r1, FRAME
	rfi
