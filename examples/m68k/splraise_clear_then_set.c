/*
 * A classic read-modify-write bug: clear the level field, then set the
 * new level, in two writes.  Between them the CPU is at level 0 and takes
 * any pending request, even one the old and the new level both block.
 */
#include "port.h"

#define PSL_IPL	0x0700

static inline int
getsr(void)
{
	unsigned short sr;

	__asm volatile("movew %%sr,%0" : "=d"(sr));
	return sr;
}

static inline void
setsr(int sr)
{
	__asm volatile("movew %0,%%sr" : : "d"((unsigned short)sr) : "memory", "cc");
}

int
c_splraise(int s)
{
	int sr = getsr();

	if ((s & PSL_IPL) > (sr & PSL_IPL)) {
		setsr(sr & ~PSL_IPL);			/* level 0 for one instruction */
		setsr((sr & ~PSL_IPL) | (s & PSL_IPL));
	}
	return sr;
}
