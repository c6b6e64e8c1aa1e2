/* Xspllower ending its loop on a BSF destination preset to 32 (no ZF
   test), relying on BSF leaving it unchanged for a 0 source.
   BUG: Intel SDM vol. 2A BSF: the destination is undefined for a 0
   source: with nothing unblocked pending, a garbage bit number < 32
   claims and replays a pending source the cpl still blocks, or spins. */
	.include "port.inc"
	.equ	KERNEL_CS, 0x08
	.equ	KERNEL_SS, 0x10
	.text
	.globl	Xspllower
Xspllower:
2:	movl	cpl(%rip), %edx
	notl	%edx
	andl	ipending(%rip), %edx
	movl	$32, %ecx
	bsfl	%edx, %ecx		/* BUG: %ecx undefined when %edx == 0 */
	cmpl	$32, %ecx
	je	3f
	btrl	%ecx, ipending(%rip)
	jnc	2b
	movq	%rsp, %rdx
	andq	$-16, %rsp
	pushq	$KERNEL_SS
	pushq	%rdx
	pushfq
	pushq	$KERNEL_CS
	leaq	2b(%rip), %rdx
	pushq	%rdx
	cli
	jmp	Xresume
3:	ret
