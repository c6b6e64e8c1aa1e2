/*
 * The classic mask-port bug: lowering cpl without replaying what arrived
 * while it was blocked.  A source pended by the stub waits until some
 * later spllower or interrupt tail happens to run it.
 */
#include "port.h"

#define barrier() __asm volatile("" ::: "memory")

int
c_spllower(int ncpl)
{
	int ocpl = cpl;

	barrier();
	cpl = ncpl;		/* forgets: if (ipending & ~ncpl) Xspllower(); */
	barrier();
	return ocpl;
}
