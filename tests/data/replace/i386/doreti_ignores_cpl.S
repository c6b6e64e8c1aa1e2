/* A broken user Xdoreti (test data): it replays every pending source, also
   those the cpl it returns to still blocks, so a source pended at a high
   priority runs as soon as some other interrupt ends: at the wrong
   priority (no_window, reached at --depth 2). */
	.include "port.inc"
	.text
	.globl	Xdoreti
Xdoreti:
	movl	%eax, cpl
	movl	ipending, %ebx		/* forgot: & ~cpl */
	testl	%ebx, %ebx
	jz	9f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending
	pushl	%eax
	pushfl
	pushl	%cs
	pushl	$8f
	jmp	Xresume
8:	popl	%eax
	jmp	Xdoreti
9:	popal
	iret
