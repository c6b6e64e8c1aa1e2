/*
 * Twin of redteam30_softblocked_smc.S: the same static kept in the
 * immediate of a later instruction (self-modifying code), patched and run
 * with interrupts disabled (pushfl; cli ... popfl), so no handler's call
 * can patch it again between the store and the instruction that reads
 * it.  The jmp after the store flushes the 80386 prefetch queue (Intel
 * SDM vol. 3A 8.1.3).  Should hold.
 */
	.include "port.inc"
	.text
	.globl	rt_splraise_smc_ok
rt_splraise_smc_ok:
	movl	4(%esp), %edx
	testl	$0xffff, %edx		/* blocks a device IRQ? */
	jz	1f
	testl	$1, %edx		/* ... and not the clock? */
	jnz	1f
	testl	$0x80000000, cpl	/* ... from a level blocking softclock? */
	jz	1f
	pushfl
	cli				/* no handler between the patch and its use */
	movl	cpl, %eax
	movl	%eax, 2f+1		/* the static: the immediate below */
	orl	%eax, %edx
	movl	%edx, cpl
	jmp	2f			/* flush the prefetch queue */
2:	movl	$0, %eax
	popfl
	ret
1:	movl	cpl, %eax		/* registers only */
	orl	%eax, %edx
	movl	%edx, cpl
	ret
