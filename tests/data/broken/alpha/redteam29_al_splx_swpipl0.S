# BROKEN for NetBSD/alpha (expected: no_lost -- a soft interrupt pending
# at the call has not run by the return).  splx written as one swpipl(s)
# for every s, the spl0() path dropped "because swpipl(0) opens the CPU
# anyway".  On NetBSD/alpha soft interrupts are not CPU requests: they are
# bits of the `ssir' word (setsoftnet() = atomic_setbits_ulong(&ssir,
# ...), intr.h), which only spl0() (machdep.c: `if (ssir) { swpipl(
# ALPHA_PSL_IPL_SOFT); softintr_dispatch(); }`) and exception_return run;
# OSF/1 PALcode has no software-interrupt request a swpipl would deliver.
# NetBSD's own splx is (s == ALPHA_PSL_IPL_0 ? spl0() : swpipl(s))
# (archs/alpha.yaml routines.splx).  After this splx(0) a softnet or
# softclock posted while the caller was at splsoftnet/splsoftclock waits
# for the next interrupt's return to IPL 0 (up to a clock tick).
	.include "port.inc"
	.set	noreorder
	.text
	.globl	rt_splx_swpipl
	.align	3
rt_splx_swpipl:
	call_pal 0x35			# BUG: s == 0 must go through spl0()
	ret	$31, ($26), 1
