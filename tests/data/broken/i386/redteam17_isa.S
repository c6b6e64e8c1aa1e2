/* red team 17: routines right on a 486 or later, broken on the 80386
   NetBSD/i386 1.6 runs on (archs/i386.yaml): each uses an instruction the
   80386 does not have, an invalid opcode (#UD) there, so no_fault fails
   naming it.  The correct twin does the same with 80386 instructions. */
	.include "port.inc"
	.text

/* BROKEN: splraise as a lock cmpxchg loop (CMPXCHG: Intel486, SDM vol. 2) */
	.globl	splraise_cmpxchg
splraise_cmpxchg:
	movl	cpl, %eax
1:	movl	4(%esp), %edx
	orl	%eax, %edx
	lock cmpxchgl %edx, cpl
	jne	1b
	ret

/* BROKEN: splraise taking its mask byte-swapped (BSWAP: Intel486, SDM vol. 2) */
	.globl	splraise_bswap
splraise_bswap:
	movl	4(%esp), %edx
	bswap	%edx
	bswap	%edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	ret

/* BROKEN: spllower choosing "nothing pending" with CMOVZ (CMOVcc: P6 family) */
	.globl	spllower_cmov
spllower_cmov:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx
	movl	$0, %ecx
	cmovzl	%ecx, %edx
	testl	%edx, %edx
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret

/* CORRECT twin of spllower_cmov: a jump where the 80386 has no CMOVcc */
	.globl	spllower_jz_ok
spllower_jz_ok:
	movl	cpl, %eax
	movl	4(%esp), %edx
	movl	%edx, cpl
	notl	%edx
	andl	ipending, %edx
	jz	1f
	pushl	%eax
	call	Xspllower
	popl	%eax
1:	ret
