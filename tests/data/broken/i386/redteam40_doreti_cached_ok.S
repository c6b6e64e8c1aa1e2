/* CORRECT twin of redteam40_doreti_cached.S: the same loop, but pend is read
   again from ipending at every turn (after each replay), as the port's
   Xdoreti (kernel_snippets/i386/spl.S) does. */
	.include "port.inc"
	.text
	.globl	Xdoreti
Xdoreti:
	movl	%eax, cpl
1:	movl	ipending, %ecx		/* pend: read at every turn */
	movl	cpl, %ebx
	notl	%ebx
	andl	%ecx, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, %ecx
	movl	%ecx, ipending
	pushl	%eax
	pushl	%ecx
	pushfl
	pushl	%cs
	pushl	$2f
	jmp	Xresume
2:	popl	%ecx
	popl	%eax
	movl	%eax, cpl
	jmp	1b
3:	popal
	iret
