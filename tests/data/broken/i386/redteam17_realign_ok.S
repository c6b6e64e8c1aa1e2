/* spllower that aligns the stack to 16 bytes before calling the replay
   (the twin of redteam17_realign_lower.S): it keeps the caller's %esp in
   %ebp (saved first: the ABI preserves it) and puts it back from there,
   so it is right whatever the caller's alignment (the i386 System V ABI
   promises only 4 bytes). */
	.include "port.inc"
	.text
	.globl	spllower_realign_ok
spllower_realign_ok:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%ebp
	movl	%esp, %ebp
	andl	$-16, %esp
	pushl	%eax
	call	Xspllower
	popl	%eax
	movl	%ebp, %esp
	popl	%ebp
	ret
