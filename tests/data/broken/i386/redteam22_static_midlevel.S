/*
 * red team 22 a: an i386 splraise keeping the old cpl in a static
 * temporary only on the path of targets that block some device IRQ but
 * not the clock (IRQ 0, bit 0): imask[IPL_BIO] .. imask[IPL_AUDIO]
 * (a "device level" path, say one that also reprograms the ICU mask).
 * splhigh/splclock/splserial and the soft levels take a register-only
 * path.  A softclock callout doing s = splbio() / spltty() (NetBSD's
 * ttrstrt, scsipi timeouts, run from softclock()) between the store and
 * the reload overwrites the static; the interrupted call returns the
 * handler's level.
 */
	.include "port.inc"
	.data
rt_tmp:	.long	0
	.text
	.globl	rt_splraise_mid
rt_splraise_mid:
	movl	4(%esp), %edx
	testl	$0xffff, %edx		/* blocks a device IRQ? */
	jz	1f
	testl	$1, %edx		/* ... and not the clock? */
	jnz	1f
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
