/* BROKEN (red team 35 F1 on powerpc; expected: exact, through the
   sibling).  splx sets a static "replaying" flag only while
   do_pending_int() runs what it unblocks; splraise, its sibling, does not
   raise while the flag is set, so a replayed handler's splhigh() leaves
   the priority at the handler's IPL.  The flag exists only where
   something was pending at the call. */
#include "port.h"

static volatile int replaying;

void
splx(int ncpl)
{
	__asm volatile("sync; eieio" ::: "memory");
	cpl = ncpl;
	__asm volatile("sync; eieio" ::: "memory");
	if (ipending & ~ncpl) {
		replaying = 1;
		do_pending_int();
		replaying = 0;
	}
}

int
splraise(int ncpl)
{
	int ocpl;

	__asm volatile("sync; eieio" ::: "memory");
	ocpl = cpl;
	if (!replaying)			/* BUG: a handler inside the replay */
		cpl = ocpl | ncpl;
	__asm volatile("sync; eieio" ::: "memory");
	return ocpl;
}
