/*
 * alpha spl(9) in C, after NetBSD alpha intr.h 1.25: the priority is
 * PS<IPL> (bits 2:0), an spl value is the IPL itself, and only PALcode
 * changes it: swpipl (call_pal 0x35) sets it and returns the old one,
 * rdps (call_pal 0x36) reads the PS.  A PAL call leaves r1 and r22-r25
 * undefined (NetBSD alpha_cpu.h declares them clobbered).  Lowering to
 * IPL 0 goes through the port's spl0(), which first runs the soft
 * interrupts pending in ssir (archs/alpha.yaml): a call through the GOT,
 * the compiler's prologue (ldah/lda $gp from $27) setting up the GP for it.
 */
#include "port.h"

#define PSL_IPL	7
#define PAL_CLOBBERS "$1", "$22", "$23", "$24", "$25", "memory"

static inline long
swpipl(long ipl)
{
	register long a0 __asm("$16") = ipl;
	register long v0 __asm("$0");

	__asm volatile("call_pal 0x35" : "=r"(v0), "+r"(a0) : : PAL_CLOBBERS);
	return v0;
}

static inline long
rdps(void)
{
	register long v0 __asm("$0");

	__asm volatile("call_pal 0x36" : "=r"(v0) : : PAL_CLOBBERS);
	return v0;
}

int
c_splraise(int s)
{
	long cur = rdps() & PSL_IPL;

	if (s > cur)
		swpipl(s);
	return cur;
}

int
c_spllower(int s)
{
	if (s == 0)
		return spl0();		/* runs the pending soft interrupts */
	return swpipl(s) & PSL_IPL;
}

void
c_splx(int s)
{
	if (s == 0)
		spl0();
	else
		swpipl(s);
}
