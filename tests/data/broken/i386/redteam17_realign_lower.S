/* spllower that aligns the stack to 16 bytes before calling the C
   replay function (Xspllower may be compiled with SSE spills) and undoes
   it with a constant, assuming %esp is 16n+8 at entry (true for a caller
   that keeps 16-byte alignment; NOT the i386 System V ABI, which only
   promises 4).  BUG: from a caller whose %esp is 16n+0/4/12 at the call,
   the routine returns with the wrong %esp (and a wrong return address). */
	.include "port.inc"
	.text
	.globl	spllower_realign
spllower_realign:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	testl	%edx, ipending
	jnz	1f
	ret
1:	andl	$-16, %esp		/* drops 8 bytes for our callers */
	pushl	%eax
	call	Xspllower
	popl	%eax
	addl	$8, %esp		/* BUG: undo the andl by a constant */
	ret
