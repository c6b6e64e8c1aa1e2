/*
 * red team 22 B F1's twin: redteam22_xspllower_bsr_order.S with the
 * port's bsfl back (the lowest pending bit first, as NetBSD/i386 1.6
 * icu.s Xspllower): every pending hardware source is replayed before any
 * soft one.
 */
	.include "port.inc"
	.equ	KERNEL_CS, 0x08
	.equ	KERNEL_SS, 0x10
	.text
	.globl	Xspllower
Xspllower:
2:	movl	cpl(%rip), %ecx
	notl	%ecx
	andl	ipending(%rip), %ecx
	jz	3f
	bsfl	%ecx, %ecx	/* lowest bit first: the hardware sources before the soft ones */
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

