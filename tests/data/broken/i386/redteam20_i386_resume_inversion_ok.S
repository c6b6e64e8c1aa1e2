/*
 * red team 20 A: the clock's REPLAY entry (Xresume_clock, entered from
 * Xspllower/Xdoreti with a fake frame, IF = 0) enables interrupts before
 * it raises cpl to the clock's IPL.  A request of a lower source (cpl is
 * still the lowered one) is taken there and its handler runs before the
 * clock's, whose pending request is being replayed: a priority inversion
 * on the replay path.  NetBSD 1.6 vector.s INTRSTUB's resume entry raises
 * cpl first, then sti.  Only Xresume_clock is replaced.
 */
	.include "port.inc"

	.macro INVR name, bit, level, spl, vector
	.ifc	\name,clock
	.text
	.globl	Xresume_\name
Xresume_\name:
	pushal
	movl	cpl, %eax
	pushl	%eax
	/* (sti after the raise) */
	movl	%esp, %ebp		/* past sti's shadow */
	orl	$\spl, cpl
	sti
	call	handler_\name
	cli
	popl	%eax
	jmp	Xdoreti
	.endif
	.endm

	IPLEMU_SOURCES INVR
