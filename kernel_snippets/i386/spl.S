/*
 * i386 spl(9), written for iplemu after the design of NetBSD 1.6
 * (sys/arch/i386/include/intr.h, sys/arch/i386/i386/spl.s,
 * sys/arch/i386/isa/vector.s).
 *
 * The priority is software: `cpl` is the mask of blocked sources, and
 * `ipending` the sources that arrived while blocked.  An spl value is a
 * mask (imask[IPL_x]); "higher" means "blocks a superset".  Interrupts
 * stay enabled (EFLAGS.IF=1) at every spl: the stub compares the source
 * with cpl and pends it when blocked.  Lowering must replay what became
 * unblocked (Xspllower); the interrupt tail does the same (Xdoreti).
 */
	.include "port.inc"

	.data
	.globl	cpl, ipending
cpl:		.long	0
ipending:	.long	0

	.text
/* int splraise(int ncpl): cpl |= ncpl, so it never lowers; returns the old cpl. */
	.weak	splraise
splraise:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret

/* int spllower(int ncpl): cpl = ncpl, then run every pending source that
   ncpl no longer blocks; returns the old cpl. */
	.weak	spllower
spllower:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax
	call	Xspllower
	popl	%eax
	ret

/* void splx(int s): restore a value an earlier spl call returned.
   NetBSD 1.6 defines splx as spllower. */
	.weak	splx
splx:
	jmp	spllower

/* Xspllower: replay pending sources that cpl no longer blocks, lowest bit
   first (bsfl), each with a fake interrupt frame so that its stub's tail
   (Xdoreti) returns here. */
	.weak	Xspllower
Xspllower:
	pushl	%ebx
2:	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending		/* claim it; another path may have run it */
	jnc	2b
	pushfl				/* fake interrupt frame: EFLAGS, CS, EIP */
	pushl	%cs
	pushl	$2b
	cli
	jmp	Xresume
3:	popl	%ebx
	ret

/* Xresume: jump to the resume entry of the source whose bit is %ebx. */
	.macro RESUME_CASE name, bit, level, spl, vector
	cmpl	$\bit, %ebx
	je	Xresume_\name
	.endm
	.weak	Xresume
Xresume:
	IPLEMU_SOURCES RESUME_CASE
	ud2				/* a pending bit with no source */

/* Xdoreti: interrupt tail, entered with IF=0 and the cpl to return to in
   %eax on top of a pushal frame: restore cpl, replay what it leaves
   unblocked, return from the interrupt. */
	.weak	Xdoreti
Xdoreti:
	movl	%eax, cpl
	movl	%eax, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	1f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending
	jnc	Xdoreti
	pushl	%eax			/* keep the cpl to return to */
	pushfl
	pushl	%cs
	pushl	$2f
	jmp	Xresume
2:	popl	%eax
	jmp	Xdoreti
1:	popal
	iret

/* int spl0(void), int splhigh(void): set cpl to imask[IPL_NONE] (0) or
   imask[IPL_HIGH], whatever it was, replaying what the new cpl leaves
   unblocked (spllower does both); return the old cpl.  NetBSD 1.6
   intr.h: spl0() is spllower(0); splhigh() is splraise(imask[IPL_HIGH]),
   which from IPL_SERIAL (above IPL_HIGH here) stays there: this one sets
   IPL_HIGH exactly, the contract of a `set` routine (archs/README.md). */
	.weak	spl0
spl0:
	pushl	$SPL_NONE
	call	spllower
	addl	$4, %esp
	ret

	.weak	splhigh
splhigh:
	pushl	$SPL_HIGH
	call	spllower
	addl	$4, %esp
	ret
