/*
 * sparc spl(9) in C, after NetBSD's sparc psl.h: the priority is PSR.PIL
 * (bits 11:8) and an spl value is PIL << 8.  A write of the PSR takes
 * effect up to three instructions later (SPARC V8 manual B.25, `wr'), so
 * three nops follow it, as psl.h's do.
 */
#include "port.h"

#define PSR_PIL	0x00000f00

static inline int
getpsr(void)
{
	int psr;

	__asm volatile("rd %%psr,%0" : "=r"(psr));
	return psr;
}

static inline void
setpsr(int psr)
{
	__asm volatile("wr %0,0,%%psr; nop; nop; nop" : : "r"(psr) : "memory", "cc");
}

int
c_splraise(int s)
{
	int psr = getpsr();
	int old = psr & PSR_PIL;

	s &= PSR_PIL;
	if (s > old)
		setpsr((psr & ~PSR_PIL) | s);
	return old;
}

int
c_spllower(int s)
{
	int psr = getpsr();

	setpsr((psr & ~PSR_PIL) | (s & PSR_PIL));
	return psr & PSR_PIL;
}

void
c_splx(int s)
{
	setpsr((getpsr() & ~PSR_PIL) | (s & PSR_PIL));
}
