/* BROKEN (red team 19 a, F1 on a port whose priority pends in software):
   splraise that also clears softnet's bit in the software pending word
   (NetBSD 1.6 sys/arch/i386/include/intr.h: ipending, SIR_NET 30 (archs/i386.yaml)), on the theory that the raised priority blocks it anyway and a
   later splx would replay it.  A softnet request that arrived while the
   priority blocked it was taken by the CPU and pended there by its stub;
   this routine clears the bit without replaying it, so its handler never
   runs, even where the raised result blocks softnet (no_lost does not
   ask).  served_once fails ("softnet was taken but its handler never ran
   after it and it is not pending at the return"): the rule a routine
   withdrawing a request in the CPU now meets too (emu/check.py). */
	.include "port.inc"
	.text
	.globl	rt_splraise_drop
rt_splraise_drop:
	movl	4(%esp), %edx
	movl	cpl, %eax
	orl	%eax, %edx
	movl	%edx, cpl
	andl	$~(1 << 30), ipending	# BUG: drops a pended softnet
	ret
