/*
 * red team 22 B F1 (held at depth 1 and 2): the port's Xspllower
 * (kernel_snippets/amd64/spl.S) with one change: it picks the highest
 * pending bit (bsrl) instead of the lowest (bsfl).  On this port bit 0 is
 * the clock and bits 29-31 the soft interrupts, so with a hardware source
 * and a soft one pending the replay runs the soft handler first, at a
 * priority that does not block the hardware one, whose request waits in
 * ipending for the whole soft handler.  NetBSD/i386 1.6 icu.s Xspllower
 * takes the lowest bit (bsfl), the soft ones on the top bits, so every
 * pending hardware source is replayed first.
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
	bsrl	%ecx, %ecx	/* BUG: highest bit first: softclock (31) before clock (0) */
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

