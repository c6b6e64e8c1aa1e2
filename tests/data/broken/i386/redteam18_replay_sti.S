/* Red team 18 F2 (held): an spllower with its own replay loop, which
   claims each pending bit under cli and leaves the loop through sti
   ("replay done, interrupts back on").  STI sets IF whatever it was (Intel
   SDM vol. 2B STI).  BUG: called with IF = 0 (inside disable_intr(), or
   an interrupt stub's tail) while a source that ncpl unblocks is pended
   in ipending, it returns with IF = 1; with nothing to replay it leaves IF
   alone, so only the interrupts-disabled start with a source pended in
   software (emu/starts.py) reaches it: preserves fails. */
	.include "port.inc"
	.text
	.globl	rt_spllower_sti
rt_spllower_sti:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax			/* the old cpl, returned */
	pushl	%ebx
2:	cli
	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending		/* claim it; CF: it was still pending */
	jnc	2b
	pushfl				/* a fake interrupt frame: iret comes back to 2 */
	pushl	%cs
	pushl	$2b
	jmp	Xresume
3:	sti				/* BUG: not the IF the caller had */
	popl	%ebx
	popl	%eax
	ret

/* Correct: the caller's EFLAGS saved before the loop's cli and given
   back with popfl (the port's Xspllower, kernel_snippets/i386/spl.S,
   gives IF back through its fake frame's pushfl and the stub's iret). */
	.globl	rt_spllower_popfl_ok
rt_spllower_popfl_ok:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	pushl	%eax
	pushl	%ebx
	pushfl				/* the caller's IF */
2:	cli
	movl	cpl, %ebx
	notl	%ebx
	andl	ipending, %ebx
	jz	3f
	bsfl	%ebx, %ebx
	btrl	%ebx, ipending
	jnc	2b
	pushfl
	pushl	%cs
	pushl	$2b
	jmp	Xresume
3:	popfl				/* the IF found */
	popl	%ebx
	popl	%eax
	ret
