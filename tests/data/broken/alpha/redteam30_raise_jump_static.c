/* red team 30 I: _splraise (C) keeping the old IPL in a file-static on
   the path of a raise of two IPLs or more from a level that blocks the
   soft interrupts (IPL >= 1).  Called at IPL_SOFTNET (1) with splhigh()
   (6): rt_old = 1, then, before the swpipl, the disk interrupt (IPL 4,
   unblocked) whose handler calls splhigh() (biodone() -> wakeup():
   kern_synch.c s = splhigh(); callout_stop(): splclock) raises 4 -> 6,
   takes the same path and leaves rt_old = 4.  The outer call returns 4:
   the caller's splx(s) leaves IPL 4, the disk and network blocked.  The
   tool's device handlers raise only to their own IPL, the clock's by one
   (5 -> 6); softclock's handler cannot run inside the window.
   Should fail: returns_previous. */
#include "port.h"
static volatile long rt_old;
static inline long rdps(void)
{
	register long v0 __asm__("$0");
	__asm__ volatile("call_pal 0x36" : "=r"(v0) : : "$1", "$16", "$22", "$23", "$24", "$25", "$27", "$28", "memory");
	return v0;
}
static inline long swpipl(long s)
{
	register long a0 __asm__("$16") = s;
	register long v0 __asm__("$0");
	__asm__ volatile("call_pal 0x35" : "=r"(v0), "+r"(a0) : : "$1", "$22", "$23", "$24", "$25", "$27", "$28", "memory");
	return v0;
}
long rt_splraise_jmp(long s)
{
	long cur = rdps() & 7;
	if (s <= cur)
		return cur;
	if (cur >= 1 && s >= cur + 2) {
		rt_old = cur;
		swpipl(s);
		return rt_old;
	}
	return swpipl(s) & 7;
}
