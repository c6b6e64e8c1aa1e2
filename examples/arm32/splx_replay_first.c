/*
 * A classic ordering bug: run the pending sources first, lower the mask
 * after.  footbridge_do_pending() runs what current_spl_level lets
 * through, which is still the old mask, so nothing runs; the mask is
 * lowered afterwards and the sources stay pending.
 */
#include "port.h"

#define barrier() __asm volatile("" ::: "memory")

void
c_splx(int mask)
{
	if (footbridge_ipending & ~mask)
		footbridge_do_pending();
	barrier();
	current_spl_level = mask;
	barrier();
}
