/* CORRECT: spl0 in C replacing the port's weak one (red team 40 A F2): GCC's
   prologue finds GP from pv, which splx and spllower must pass it as a call
   does (Alpha calling standard); the port's branched to it with pv their own. */
#include "port.h"
#define PAL_CLOBBERS "$1", "$22", "$23", "$24", "$25", "memory"
static inline long swpipl(long ipl)
{ register long a0 __asm("$16") = ipl; register long v0 __asm("$0");
  __asm volatile("call_pal 0x35" : "=r"(v0), "+r"(a0) : : PAL_CLOBBERS); return v0; }
/* spl0 in C (the Alpha calling standard: GCC's prologue finds GP from pv) */
int spl0(void)
{
	long o = swpipl(SPL_HIGH);
	if (ssir)
		softintr_drain();
	swpipl(0);
	return o;
}
