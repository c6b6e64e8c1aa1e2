/*
 * arm32 spl(9) in C, after footbridge_intr.h 1.4: current_spl_level is the
 * mask of blocked sources, footbridge_ipending what arrived while
 * blocked; lowering runs what the new mask lets through
 * (footbridge_do_pending, the port's).  These take the mask itself, as
 * footbridge_splx() does (not the IPL number _splraise() looks up).
 */
#include "port.h"

#define barrier() __asm volatile("" ::: "memory")

int
c_splraise(int mask)
{
	int old = current_spl_level;

	current_spl_level = old | mask;
	barrier();
	return old;
}

int
c_spllower(int mask)
{
	int old = current_spl_level;

	barrier();
	current_spl_level = mask;
	barrier();
	if (footbridge_ipending & ~mask)
		footbridge_do_pending();
	return old;
}

void
c_splx(int mask)
{
	barrier();
	current_spl_level = mask;
	barrier();
	if (footbridge_ipending & ~mask)
		footbridge_do_pending();
}
