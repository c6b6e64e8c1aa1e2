/* red team 39 F: tests/data/broken/i386/redteam22_static_midlevel.S with its
   static temporary in a word of the kernel's data (count_com0, which no
   stock handler writes) instead of one of the file's own, cleared again
   before the return so that the kernel's data are as loaded.  A device
   handler (ne0 at IPL_NET, a softclock callout) doing s = spltty() between
   the store and the reload clears it: the interrupted call returns 0. */
	.include "port.inc"
	.text
	.globl	rt_splraise_mid
rt_splraise_mid:
	movl	4(%esp), %edx
	testl	$0xffff, %edx		/* blocks a device IRQ? */
	jz	1f
	testl	$1, %edx		/* ... and not the clock? */
	jnz	1f
	movl	cpl, %eax
	movl	%eax, count_com0	/* static temporary, a kernel word */
	orl	%eax, %edx
	movl	%edx, cpl
	movl	count_com0, %eax
	movl	$0, count_com0		/* as loaded again */
	ret
1:	movl	cpl, %eax		/* registers only */
	orl	%eax, %edx
	movl	%edx, cpl
	ret
