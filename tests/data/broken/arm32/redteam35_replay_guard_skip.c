/* BROKEN (red team 35 F2; expected: no_lost).  A re-entrancy guard: splx
   returns right after its store while its own replay runs, so the splx a
   replayed handler makes (s = splhigh(); ...; splx(s)) lowers to the
   handler's IPL without running what that unblocks: a disk request pended
   inside the handler waits, unblocked, until the handler returns.  Held
   until check kept the routine's own data inside its call with a request
   pending at the call (the only call whose replay sets the guard). */
#include "port.h"

static volatile int replaying;

void
rt_splx(int mask)
{
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (replaying)
		return;			/* BUG: the handler's splx replays nothing */
	if (footbridge_ipending & ~mask) {
		replaying = 1;
		footbridge_do_pending();
		replaying = 0;
	}
}
