/*
 * amd64 spl(9), written for iplemu after the design NetBSD/x86_64 1.6
 * copied from i386 (sys/arch/x86_64/include/intr.h 1.1: cpl, ipending,
 * imask[], splraise, spllower -> Xspllower).
 *
 * The priority is software: `cpl` (32 bits) is the mask of blocked
 * sources, `ipending` the sources that arrived while blocked.  An spl value
 * is a mask (imask[IPL_x]).  Interrupts stay enabled (RFLAGS.IF=1) at every
 * spl: the stub compares the source with cpl and pends it when blocked.
 * Lowering replays what became unblocked (Xspllower); the interrupt tail
 * does the same (Xdoreti, in intr.S beside the stubs whose frame it pops).
 *
 * SysV AMD64 ABI: argument in %edi, result in %eax; %rax, %rcx, %rdx,
 * %rsi, %rdi, %r8-%r11 are scratch; no red zone (kernel code).
 */
	.include "port.inc"

	.equ	KERNEL_CS, 0x08		/* the GDT the backend installs */
	.equ	KERNEL_SS, 0x10

	.data
	.globl	cpl, ipending
cpl:		.long	0
ipending:	.long	0
/* The kernel variable that follows ipending: any value, never 0 here, so
   a routine reading or claiming ipending as 8 bytes (an LP64 `unsigned
   long ipending`) sees bits no source has, and clears them (a kernel write:
   preserves) or runs on them (red team 29 G, amd64_ulong_ipending.c). */
after_ipending:	.long	0x5eed2a5a

	.text
/* int splraise(int ncpl): cpl |= ncpl, so it never lowers; returns the old cpl. */
	.weak	splraise
splraise:
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	ret

/* int spllower(int ncpl): cpl = ncpl, then run every pending source that
   ncpl no longer blocks; returns the old cpl. */
	.weak	spllower
spllower:
	movl	cpl(%rip), %eax
	movl	%edi, cpl(%rip)
	notl	%edi
	testl	%edi, ipending(%rip)
	jnz	1f
	ret
1:	pushq	%rax			/* the old cpl */
	call	Xspllower
	popq	%rax
	ret

/* void splx(int s): restore a value an earlier spl call returned; as in
   x86_64 intr.h 1.1, splx is spllower. */
	.weak	splx
splx:
	jmp	spllower

/* Xspllower: replay pending sources that cpl no longer blocks, lowest bit
   first, each through its stub's resume entry with a fake 64-bit interrupt
   frame (RSP aligned down to 16, then SS, RSP, RFLAGS, CS, RIP) so that the stub's iretq comes back
   here.  The bit goes to Xresume in %ecx. */
	.weak	Xspllower
Xspllower:
2:	movl	cpl(%rip), %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	3f
	bsfl	%ecx, %ecx
	btrl	%ecx, ipending(%rip)	/* claim it; another path may have run it */
	jnc	2b
	movq	%rsp, %rdx
	andq	$-16, %rsp		/* as the CPU aligns RSP before its frame */
	pushq	$KERNEL_SS
	pushq	%rdx
	pushfq
	pushq	$KERNEL_CS
	leaq	2b(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
3:	ret

/* Xresume: jump to the resume entry of the source whose bit is %ecx. */
	.macro RESUME_CASE name, bit, level, spl, vector
	cmpl	$\bit, %ecx
	je	Xresume_\name
	.endm
	.weak	Xresume
Xresume:
	IPLEMU_SOURCES RESUME_CASE
	ud2				/* a pending bit with no source */

/* int spl0(void), int splhigh(void): set cpl to imask[IPL_NONE] (0) or
   imask[IPL_HIGH], whatever it was, replaying what the new cpl leaves
   unblocked (spllower does both); return the old cpl.  x86_64 intr.h
   1.1: spl0() is spllower(0); splhigh() is splraise(imask[IPL_HIGH]),
   which from IPL_SERIAL (above IPL_HIGH here) stays there: this one sets
   IPL_HIGH exactly, the contract of a `set` routine (archs/README.md). */
	.weak	spl0
spl0:
	movl	$SPL_NONE, %edi
	jmp	spllower

	.weak	splhigh
splhigh:
	movl	$SPL_HIGH, %edi
	jmp	spllower
