/*
 * review 24: redteam22_static_midlevel.S with its static path taken only
 * where the priority at entry already blocks softclock (cpl has SIR_CLOCK,
 * bit 31): a raise from IPL_SOFTNET to IPL_BIO..IPL_AUDIO keeps the old
 * cpl in a static between two instructions.  Softclock cannot run there;
 * the clock can, but its handler re-enters with IPL_HIGH, IPL_CLOCK and
 * IPL_SERIAL only; a device handler unblocked there (ne0 at IPL_NET, wdc0
 * at IPL_BIO, pckbc at IPL_TTY) raising to a device level would
 * overwrite the static.
 */
	.include "port.inc"
	.data
rt_tmp:	.long	0
	.text
	.globl	rt_splraise_sb
rt_splraise_sb:
	movl	4(%esp), %edx
	testl	$0xffff, %edx		/* blocks a device IRQ? */
	jz	1f
	testl	$1, %edx		/* ... and not the clock? */
	jnz	1f
	testl	$0x80000000, cpl	/* ... from a level blocking softclock? */
	jz	1f
	movl	cpl, %eax
	movl	%eax, rt_tmp		/* static temporary */
	orl	%eax, %edx
	movl	%edx, cpl
	movl	rt_tmp, %eax
	ret
1:	movl	cpl, %eax		/* registers only */
	orl	%eax, %edx
	movl	%edx, cpl
	ret
