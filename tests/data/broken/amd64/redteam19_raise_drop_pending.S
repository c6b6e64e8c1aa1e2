/* BROKEN (red team 19 a, F1 on a port whose priority pends in software):
   splraise that also clears softnet's bit in the software pending word
   (NetBSD/x86_64 1.6 x86_64/include/intr.h 1.1: ipending, SIR_NET 30 (archs/amd64.yaml)), on the theory that the raised priority blocks it anyway and a
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
	movl	cpl(%rip), %eax
	orl	%eax, %edi
	movl	%edi, cpl(%rip)
	andl	$~(1 << 30), ipending(%rip)	# BUG: drops a pended softnet
	ret
