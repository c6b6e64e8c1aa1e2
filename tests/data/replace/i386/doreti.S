/* A user's own i386 interrupt tail, replacing the port's weak Xdoreti
   (test data, written for iplemu): entered with IF=0, the cpl to return
   to in %eax, a pushal frame below the CPU's.  It restores cpl, then
   replays, highest bit first (bsrl; the port's takes the lowest), each
   pending source that cpl leaves unblocked, claiming its bit before the
   replay; then popal, iret. */
	.include "port.inc"
	.text
	.globl	Xdoreti
Xdoreti:
	movl	%eax, cpl
	movl	%eax, %ebx
	notl	%ebx
	andl	ipending, %ebx		/* pending and not blocked by cpl */
	jz	9f
	bsrl	%ebx, %ebx
	btrl	%ebx, ipending		/* claim it */
	jnc	Xdoreti
	pushl	%eax
	pushfl				/* a fake interrupt frame returning to 8f */
	pushl	%cs
	pushl	$8f
	jmp	Xresume
8:	popl	%eax
	jmp	Xdoreti
9:	popal
	iret
