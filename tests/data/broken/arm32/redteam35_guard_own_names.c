/* BROKEN (red team 35 F3; expected: exact, through the other routine).
   rt_splx sets a static "replaying" flag for the whole call (its replay
   included), and rt_raise does not raise while it is set: a replayed
   handler's splhigh() leaves the priority at the handler's IPL.  Checked
   together under names of their own (--routine rt_splx=restore,void
   --routine rt_raise=raise,argument=ipl, the naming examples/ uses), the
   two were never judged together: only the port's routines a file
   replaces were each other's siblings. */
#include "port.h"

static volatile int replaying;

void
rt_splx(int mask)
{
	replaying = 1;
	current_spl_level = mask;
	__asm volatile("" ::: "memory");
	if (footbridge_ipending & ~mask)
		footbridge_do_pending();
	replaying = 0;
}

int
rt_raise(int ipl)
{
	int old = current_spl_level;

	if (replaying)
		return old;		/* BUG: a handler inside rt_splx */
	current_spl_level = old | footbridge_imask[ipl];
	return old;
}
