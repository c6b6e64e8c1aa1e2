/* Correct twin of redteam39_replay_guard_kword.c (red team 39 F): the
   same count_serial (a word of the kernel's data) set around the replay,
   as a count of replays in progress, but never a reason to skip one: a
   handler's splx inside a replay replays what it unblocks as any other. */
#include "port.h"

extern volatile int count_serial;	/* replays in progress: a kernel word */
#define replaying count_serial

void
rt_splx(int mask)
{
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (footbridge_ipending & ~mask) {
		replaying++;
		footbridge_do_pending();
		replaying--;
	}
}
