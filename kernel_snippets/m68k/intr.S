| m68k interrupt stubs and handlers, written for iplemu.  The CPU enters
| Xintr_<name> having pushed a format-0 frame and set SR.I to the source's
| level (M68030 UM §8.1.9), so the handler runs at its own level; `rte`
| restores the interrupted SR.  One stub per source of archs/m68k.yaml.
|
| Soft interrupts are simulated, as NetBSD/mvme68k's: a soft source's stub
| stands for the device interrupt that posts it (hardclock()'s
| setsoftclock(), a network driver's setsoftnet()) and only sets its bit
| in `ssir'.  Every stub returns through `rei' (mvme68k locore.s 1.81 rei,
| Lchksir): when the interrupted level is 0 it runs the soft interrupts
| pending before the rte that lowers to 0.  NetBSD's looks at ssir at the
| interrupt's own level, where an interrupt above it may still post one
| that its return (to that level, not 0) leaves pending across the rte;
| this one looks at level 7 (softintr_drain).
	.include "port.inc"

	.data
	.align	2
	.globl	ssir
ssir:					| the pending soft interrupts, 1 << IPL_SOFT*
	.long	0

	.macro INTRSTUB name, bit, level, spl, vector
	.text
	.weak	Xintr_\name
Xintr_\name:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	.if	\bit >= 0
	ori.l	#1 << \bit,ssir		| setsoft: one instruction, atomic here
	.else
	jsr	handler_\name
	.endif
	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	jra	rei
	.endm

| rei: every interrupt's return, with the exception frame at (%sp) and the
| interrupted registers in place.  To level 0, the soft interrupts pending
| run first (softintr_drain: it returns at level 7 with none pending, and
| the rte lowers in one instruction); to any other level, the rte alone.
	.text
	.globl	rei
rei:
	movem.l	%d0-%d1/%a0-%a1,-(%sp)
	move.w	16(%sp),%d0		| the interrupted SR (the frame's)
	andi.w	#0x0700,%d0
	bne.s	9f			| not level 0: they wait for spl0
	jsr	softintr_drain
9:	movem.l	(%sp)+,%d0-%d1/%a0-%a1
	rte

| void softintr_drain(void): run the soft interrupts pending in ssir until
| none is; returns at level 7 with ssir empty, so that the caller's move
| to level 0 (spl0, splx, rei's rte) lets no newly posted one wait.  At
| level 7 it takes all the bits (nothing can post in between), at level 1
| it runs the handler of every soft source whose bit was set, lowest bit
| first, as NetBSD/mvme68k's softintr_dispatch runs its queues; then it
| looks again.  A C function: %d2 is kept, the scratch ones are not.
	.macro	DISPATCH_ONE name, bit, level, spl, vector
	.if	\bit == dispatch_bit
	btst	#\bit,%d2
	beq.s	8f
	jsr	handler_\name
8:
	.endif
	.endm

	.text
	.globl	softintr_drain
softintr_drain:
	move.l	%d2,-(%sp)
1:	move.w	#SPL_HIGH,%sr
	move.l	ssir,%d2		| n = ssir; ssir = 0
	beq.s	9f
	clr.l	ssir
	move.w	#SPL_SOFTCLOCK,%sr	| level 1
	.irp	b, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	dispatch_bit = \b
	IPLEMU_SOURCES DISPATCH_ONE
	.endr
	bra.s	1b
9:	move.l	(%sp)+,%d2
	rts

| A handler reads count_<name> and adds one in scratch registers, as a
| C handler may clobber them, but stores nothing of its own: a state after
| it returns can then equal the state before it was taken (explored once).
| The engine sees each run at its entry address; the race scenario's own
| handlers count in count_<name>.
|
| Then it calls spl routines as every NetBSD driver handler does (s =
| splhigh(); ...; splx(s)): when reenter_raise_<name> is not 0 it calls
| it with reenter_arg_<name>, then reenter_restore_<name> with what it
| returned, through the pointers and by the port's ABI.  `check' sets the
| three words so that the routine under check is one of the two calls
| (emu/reenter.py: the clock's and softclock's handlers); they are 0 otherwise
| (run, race), and the handler calls nothing.  The pair leaves the
| priority as it found it, and what the calls leave on the stack is the
| free stack an interrupt's return poisons.
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
	.weak	handler_\name		| a scenario file may supply its own
handler_\name:
	move.l	count_\name,%d0
	addq.l	#1,%d0
	move.l	reenter_raise_\name,%d1
	beq.s	1f
	move.l	%d1,%a0
	move.l	reenter_arg_\name,-(%sp)
	jsr	(%a0)			| s = raise(arg)
	move.l	%d0,(%sp)		| the argument slot is the callee's: reload it
	move.l	reenter_restore_\name,%a0
	jsr	(%a0)			| restore(s)
	addq.l	#4,%sp
1:	rts
	.endm

	IPLEMU_SOURCES INTRSTUB
	IPLEMU_SOURCES HANDLER
