/*
 * A classic bug: splraise written as a plain swpipl(s).  Called at a
 * higher IPL than s (a clock handler calling splbio(), say), it lowers
 * the priority instead of leaving it alone.
 */
#include "port.h"

#define PSL_IPL	7

static inline long
swpipl(long ipl)
{
	register long a0 __asm("$16") = ipl;
	register long v0 __asm("$0");

	__asm volatile("call_pal 0x35" : "=r"(v0), "+r"(a0) : : "$1", "$22", "$23", "$24", "$25", "memory");
	return v0;
}

int
c_splraise(int s)
{
	return swpipl(s) & PSL_IPL;
}
