/* red team 39 F: tests/data/broken/arm32/redteam35_replay_guard_skip.c
   with its guard kept in a word of the kernel's data (count_serial, which
   no stock handler writes) instead of a static of its own.  The guard is 0
   again at every return (the kernel's data as loaded). */
#include "port.h"

extern volatile int count_serial;	/* the guard: a kernel word */
#define replaying count_serial

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
