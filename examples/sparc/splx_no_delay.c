/*
 * A classic SPARC bug: write the PSR and go on at once.  The new PIL
 * governs interrupts only up to three instructions later (SPARC V8 manual
 * B.25, `wr'), so the routine returns while the old level still decides.
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

void
c_splx(int s)
{
	int psr = (getpsr() & ~PSR_PIL) | (s & PSR_PIL);

	__asm volatile("wr %0,0,%%psr" : : "r"(psr) : "memory", "cc");	/* no nops */
}
