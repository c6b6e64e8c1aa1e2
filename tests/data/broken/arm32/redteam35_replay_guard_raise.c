/* BROKEN (red team 35 F1; expected: exact, through the sibling).  splx
   sets a static "replaying" flag only while it replays what it unblocks
   (footbridge_do_pending), and _splraise, its sibling, returns without
   raising while the flag is set.  A handler that the replay runs calls
   splhigh() = _splraise(IPL_HIGH), which leaves the priority at the
   handler's IPL: its critical section is open to every interrupt.  The
   flag exists only on the replay path, which runs only where something
   was pending at the call: held until check kept the routine's own data
   inside its call with a request pending at the call too. */
#include "port.h"

static volatile int replaying;

void
splx(int mask)
{
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (footbridge_ipending & ~mask) {
		replaying = 1;
		footbridge_do_pending();
		replaying = 0;
	}
}

int
_splraise(int ipl)
{
	int old = current_spl_level;

	if (replaying)
		return old;		/* BUG: a handler inside the replay */
	current_spl_level = old | footbridge_imask[ipl];
	return old;
}
