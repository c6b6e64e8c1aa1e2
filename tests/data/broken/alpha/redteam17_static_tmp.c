/* _splraise keeping the current IPL in a file-static between rdps and
   the return.  BUG: not reentrant: an interrupt whose handler calls
   splraise (every driver's does) between the store and the reload
   overwrites it, and this call returns the handler's IPL; the caller's
   splx(s) then restores the wrong IPL. */
/* (common.h of the red team's folder, inlined: the PAL calls) */
#include "port.h"
#define PAL_CLOBBERS "$1", "$22", "$23", "$24", "$25", "memory"
static inline long swpipl(long ipl)
{
	register long a0 __asm("$16") = ipl;
	register long v0 __asm("$0");
	__asm volatile("call_pal 0x35" : "=r"(v0), "+r"(a0) : : PAL_CLOBBERS);
	return v0;
}
static inline long rdps(void)
{
	register long v0 __asm("$0");
	__asm volatile("call_pal 0x36" : "=r"(v0) : : PAL_CLOBBERS);
	return v0;
}
static volatile long cur_ipl;
int splraise(int s)
{
	cur_ipl = rdps() & 7;
	if (s > cur_ipl)
		swpipl(s);
	return cur_ipl;
}
