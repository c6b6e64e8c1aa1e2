/*
 * A classic mask-port bug: splraise that assigns the new mask instead of
 * adding it (cpl = ncpl for cpl |= ncpl).  Called with more blocked than
 * ncpl, it unblocks sources its caller had blocked.
 */
#include "port.h"

#define sync_eieio() __asm volatile("sync; eieio" ::: "memory")

int
c_splraise(int ncpl)
{
	int ocpl;

	sync_eieio();
	ocpl = cpl;
	cpl = ncpl;
	sync_eieio();
	return ocpl;
}
