/*
 * A classic race: test ipending first, store the new cpl after.  A source
 * that arrives between the test and the store is pended (the old cpl
 * blocks it) and then stays pending although the new cpl lets it through.
 */
#include "port.h"

#define barrier() __asm volatile("" ::: "memory")

int
c_spllower(int ncpl)
{
	int ocpl = cpl;
	int unblocked = ipending & ~ncpl;	/* tested too early */

	barrier();
	cpl = ncpl;
	barrier();
	if (unblocked)
		Xspllower();
	return ocpl;
}
