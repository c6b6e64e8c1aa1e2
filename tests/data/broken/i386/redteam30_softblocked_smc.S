/*
 * red team 30 I: review24_static_softblocked.S's mistake with the static
 * temporary kept in the immediate of a later instruction (self-modifying
 * code: "movl %eax, 2f+1" patches "movl $imm32, %eax"; a jmp after the
 * store flushes the 80386 prefetch queue, Intel SDM vol. 3A 8.1.3).  On
 * the path taken where cpl already blocks softclock, raising to a device
 * level (IPL_BIO..IPL_AUDIO): a device handler unblocked there (ne0 at
 * IPL_NET during a raise from IPL_SOFTNET/IPL_BIO to IPL_NET..AUDIO; pckbc
 * at IPL_TTY) raising to its own level re-patches the immediate, and the
 * outer call returns the handler's cpl.
 * Should fail: returns_previous (as review24_static_softblocked.S does).
 */
	.include "port.inc"
	.text
	.globl	rt_splraise_smc
rt_splraise_smc:
	movl	4(%esp), %edx
	testl	$0xffff, %edx		/* blocks a device IRQ? */
	jz	1f
	testl	$1, %edx		/* ... and not the clock? */
	jnz	1f
	testl	$0x80000000, cpl	/* ... from a level blocking softclock? */
	jz	1f
	movl	cpl, %eax
	movl	%eax, 2f+1		/* the static: the immediate below */
	orl	%eax, %edx
	movl	%edx, cpl
	jmp	2f			/* flush the prefetch queue */
2:	movl	$0, %eax
	ret
1:	movl	cpl, %eax		/* registers only */
	orl	%eax, %edx
	movl	%edx, cpl
	ret
